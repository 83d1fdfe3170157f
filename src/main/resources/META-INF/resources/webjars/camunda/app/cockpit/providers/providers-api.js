// The product's directory API with Cockpit's own session: reads as they are; writes carry the
// webapps' CSRF token (the XSRF-TOKEN cookie Cockpit keeps), which the server checks.
const API = '/api/providers';

/** A refusal, with the server's Spanish message and the fields it names. */
export class DirectoryError extends Error {
  constructor(message, status, fields = []) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

export const access = () => call('GET', `${API}/access`);
export const codes = () => call('GET', `${API}/codes`);
export const history = (id) => call('GET', `${API}/${encodeURIComponent(id)}/history`);
export const create = (provider) => call('POST', API, provider);
export const update = (id, provider) => call('PUT', `${API}/${encodeURIComponent(id)}`, provider);
export const deactivate = (id, version, reason) => call('POST', `${API}/${encodeURIComponent(id)}/deactivation`, { version, reason });

export function list({ jurisdiction, service, inactive }) {
  const params = new URLSearchParams();
  if (jurisdiction) {
    params.set('jurisdiction', jurisdiction);
  }
  if (service) {
    params.set('service', service);
  }
  if (inactive) {
    params.set('inactive', 'true');
  }
  return call('GET', `${API}?${params}`);
}

async function call(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(url, { method, credentials: 'same-origin', headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (unreachable) {
    throw new DirectoryError('No se pudo contactar con el servidor.', 0);
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    throw new DirectoryError(answer?.error ?? `El directorio no respondió (error ${response.status}).`, response.status, answer?.fields ?? []);
  }
  return answer;
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find((entry) => entry.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}
