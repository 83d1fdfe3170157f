// What each card shows, from the API's answers: a chart and the table of its figures.
import { bars, groupedBars, heatMap, regionMap } from './charts.js';
import { chartArea } from './layout.js';
import { countText, field, isSuppressed } from './cells.js';
import { periodLabel, periodsBetween } from './period.js';
import { dataTable } from './tables.js';

const AGE_ORDER = ['0-11', '12-17', '18-24', '25-59', '60+', 'unknown'];
const SEX_ORDER = ['female', 'male', 'intersex', 'other', 'unknown'];
const REFERRAL_STAGES = [
  { key: 'pending', header: 'Pendientes de respuesta', color: '#9aa5b1' },
  { key: 'accepted', header: 'Aceptadas', color: '#2f6f9f' },
  { key: 'declined', header: 'Rechazadas', color: '#c0504d' },
  { key: 'delivered', header: 'Servicio prestado', color: '#3c8d5a' },
  { key: 'notDelivered', header: 'Servicio no prestado', color: '#e08a2e' },
  { key: 'refused', header: 'Sin consentimiento de la persona', color: '#7f6a93' }
];

/** Cases by month or quarter; a period with no row had no case. */
export function timeSection({ body, answer, dimension, filter, draw }) {
  const byCode = new Map(answer.rows.map((row) => [row[dimension], row]));
  const codes = [...new Set([...periodsBetween(dimension, filter.from, filter.to), ...byCode.keys()])].sort();
  const categories = codes.map((code) => ({
    code,
    label: answer.labels?.[dimension]?.[code] ?? periodLabel(code),
    ...(byCode.has(code) ? cell(byCode.get(code)) : { count: 0, suppressed: false })
  }));
  body.append(chartArea('Gráfico de barras de los casos por periodo de detección'));
  draw(body.lastChild, bars({ categories: categories.map((c) => ({ ...c, label: periodLabel(c.code) })), minimumCell: answer.minimumCell }));
  body.append(oneColumnTable('time', 'Casos por periodo de detección', 'Periodo', categories, answer.minimumCell));
}

export function purposeSection({ body, answer, draw }) {
  const categories = answer.rows.map((row) => ({ code: row.purpose, label: label(answer, 'purpose', row.purpose), ...cell(row) }))
    .sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
  if (categories.length) {
    body.append(chartArea('Gráfico de barras de los casos por forma de explotación', Math.max(160, 40 + categories.length * 34)));
    draw(body.lastChild, bars({ categories, minimumCell: answer.minimumCell, horizontal: true }));
  }
  body.append(oneColumnTable('purpose', 'Casos por forma de explotación', 'Forma de explotación', categories, answer.minimumCell));
}

export function ageSexSection({ body, answer, draw }) {
  const ages = ordered(answer.rows.map((row) => row.ageGroup), AGE_ORDER).map((code) => ({ code, label: label(answer, 'ageGroup', code) }));
  const sexes = ordered(answer.rows.map((row) => row.sex), SEX_ORDER).map((code) => ({ code, label: label(answer, 'sex', code) }));
  const cells = (age, sex) => {
    const row = answer.rows.find((candidate) => candidate.ageGroup === age && candidate.sex === sex);
    return row ? cell(row) : null;
  };
  if (ages.length) {
    body.append(chartArea('Mapa de calor de los casos por grupo de edad y sexo', Math.max(180, 80 + ages.length * 40)));
    draw(body.lastChild, heatMap({ rows: ages, columns: sexes, cells, minimumCell: answer.minimumCell }));
  }
  body.append(dataTable({
    name: 'age-sex', caption: 'Casos por grupo de edad (filas) y sexo (columnas)', corner: 'Grupo de edad',
    columns: sexes.map((sex) => ({ key: sex.code, header: sex.label })),
    rows: ages.map((age) => ({ code: age.code, header: age.label, cells: sexes.map((sex) => cells(age.code, sex.code) ?? { count: 0 }) })),
    minimumCell: answer.minimumCell
  }));
}

export function referralsSection({ body, indicators, draw }) {
  const rows = (indicators.referrals ?? []).map((referral) => ({
    code: referral.institution,
    label: referral.label ?? referral.institution,
    cells: REFERRAL_STAGES.map((stage) => field(referral, stage.key))
  }));
  if (rows.length) {
    body.append(chartArea('Gráfico de barras de las derivaciones por institución y estado', 70 + rows.length * 80));
    draw(body.lastChild, groupedBars({ rows, columns: REFERRAL_STAGES, minimumCell: indicators.minimumCell }));
  }
  body.append(dataTable({
    name: 'referrals', caption: 'Derivaciones por institución y estado', corner: 'Institución',
    columns: REFERRAL_STAGES.map(({ key, header }) => ({ key, header })),
    rows: rows.map((row) => ({ code: row.code, header: row.label, cells: row.cells })),
    minimumCell: indicators.minimumCell,
    empty: 'Ninguna derivación de los casos del periodo.'
  }));
}

export function overdueSection({ body, indicators, draw }) {
  const categories = (indicators.overdueTasks ?? []).map((task) => ({
    code: task.institution, label: task.label ?? task.institution, ...field(task, 'count')
  }));
  if (categories.length) {
    body.append(chartArea('Gráfico de barras de las tareas vencidas por institución', Math.max(140, 40 + categories.length * 34)));
    draw(body.lastChild, bars({ categories, minimumCell: indicators.minimumCell, horizontal: true, color: '#c0504d' }));
  }
  body.append(oneColumnTable('overdue', 'Tareas vencidas hoy por institución', 'Institución', categories, indicators.minimumCell,
    'Tareas vencidas', 'Ninguna tarea vencida.'));
}

/** One map per jurisdiction; the detections of unknown or foreign regions in words under it. */
export async function regionsSection({ body, answer, draw, baseMap }) {
  const minimumCell = answer.minimumCell;
  const regions = answer.rows.map((row) => ({ code: row.detectionRegion, label: label(answer, 'detectionRegion', row.detectionRegion), ...cell(row) }));
  const maps = document.createElement('div');
  maps.className = 'nrm-statistics-maps';
  body.append(maps);
  for (const jurisdiction of answer.jurisdictions) {
    const figure = document.createElement('figure');
    figure.className = 'nrm-statistics-map';
    figure.dataset.jurisdiction = jurisdiction;
    const caption = document.createElement('figcaption');
    caption.textContent = countryName(jurisdiction);
    figure.append(caption);
    maps.append(figure);
    const mapName = await baseMap(jurisdiction);
    if (!mapName) {
      figure.append(paragraph(`No hay mapa base de ${countryName(jurisdiction)}: las cifras están en la tabla.`));
      continue;
    }
    figure.append(chartArea(`Mapa de las detecciones por región de ${countryName(jurisdiction)}`, 420));
    const own = regions.filter((region) => region.code.startsWith(`${jurisdiction}-`));
    const names = new Map(regions.map((region) => [region.code, region.label]));
    draw(figure.lastChild, regionMap({ mapName, regions: own, minimumCell, regionName: (code) => names.get(code) ?? code }));
  }
  const unknown = regions.find((region) => region.code === 'unknown');
  let words = 'Ningún caso en el periodo.';
  if (unknown) {
    words = `Casos sin región de detección registrada: ${countText(unknown.count, minimumCell, unknown)}.`;
  } else if (regions.length) {
    words = 'Todos los casos del periodo tienen su región de detección registrada.';
  }
  const text = paragraph(words);
  text.className = 'nrm-statistics-unknown-region';
  text.dataset.count = unknown ? (isSuppressed(unknown.count, unknown) ? 'suppressed' : String(unknown.count)) : '0';
  body.append(text);
  const sorted = [...regions].sort((a, b) => a.label.localeCompare(b.label, 'es'));
  body.append(oneColumnTable('regions', 'Casos por región de detección', 'Región', sorted, minimumCell));
}

function oneColumnTable(name, caption, corner, categories, minimumCell, header = 'Casos', empty = undefined) {
  return dataTable({
    name, caption, corner, minimumCell, empty,
    columns: [{ key: 'count', header }],
    rows: categories.map((category) => ({ code: category.code, header: category.label, cells: [category] }))
  });
}

function cell(row) {
  return { count: row.count, suppressed: isSuppressed(row.count, row) };
}

function label(answer, dimension, code) {
  return answer.labels?.[dimension]?.[code] ?? code;
}

function ordered(codes, order) {
  const present = [...new Set(codes)];
  return [...order.filter((code) => present.includes(code)), ...present.filter((code) => !order.includes(code)).sort()];
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

export function countryName(code) {
  try {
    return new Intl.DisplayNames(['es'], { type: 'region' }).of(code) ?? code;
  } catch (unknownCode) {
    return code;
  }
}
