// The product's statistics API, called with Cockpit's own session (same origin): GET only, so no
// CSRF token. Every figure the dashboard shows comes from here, aggregated and suppressed by the
// server; the dashboard never adds cells up or fills a hidden one in.
const API = '/api/statistics';

/** An answer the dashboard cannot show; its message is the server's Spanish one when it sent one. */
export class StatisticsError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** The query string of a period and jurisdictions, as the API takes them and in a stable order. */
export function query({ jurisdictions = [], from, to, by }) {
  const params = new URLSearchParams();
  jurisdictions.forEach((jurisdiction) => params.append('jurisdiction', jurisdiction));
  if (from) {
    params.set('from', from);
  }
  if (to) {
    params.set('to', to);
  }
  if (by && by.length) {
    params.set('by', by.join(','));
  }
  return params.toString();
}

export function cases(filter, by) {
  return get(`${API}/cases?${query({ ...filter, by })}`);
}

export function indicators(filter) {
  return get(`${API}/indicators?${query(filter)}`);
}

export function labels() {
  return get(`${API}/labels`);
}

/** The jurisdictions the user may see statistics of; refused (403) for users who may see none. */
export function access() {
  return get(`${API}/access`);
}

async function get(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch (unreachable) {
    throw new StatisticsError('No se pudo contactar con el servidor de estadísticas.', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new StatisticsError(body?.error
      ?? (response.status === 403 ? 'No tiene permiso para ver las estadísticas.' : `Las estadísticas no están disponibles (error ${response.status}).`),
    response.status);
  }
  return body;
}
