// The periods a coordinator picks from: ISO dates (yyyy-mm-dd), both ends included, as the API takes them.

export function isoDate(date) {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The presets offered next to the dates, the first one the default. */
export function presets(today = new Date()) {
  const year = today.getFullYear();
  const yearAgo = new Date(today);
  yearAgo.setFullYear(year - 1);
  yearAgo.setDate(yearAgo.getDate() + 1);
  return [
    { id: 'last-12-months', label: 'Últimos 12 meses', from: isoDate(yearAgo), to: isoDate(today) },
    { id: 'this-year', label: 'Este año', from: `${year}-01-01`, to: isoDate(today) },
    { id: 'last-year', label: `Año ${year - 1}`, from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
    { id: 'everything', label: 'Todo el registro', from: '', to: '' }
  ];
}

/** Months for up to two years, quarters beyond: a readable number of bars. */
export function timeDimension({ from, to }) {
  if (!from || !to) {
    return 'quarter';
  }
  const months = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return months <= 24 ? 'month' : 'quarter';
}

/** Every month (2026-07) or quarter (2026-Q3) from one end of the period to the other, so that a period without cases shows as such. */
export function periodsBetween(dimension, from, to) {
  if (!from || !to) {
    return [];
  }
  const periods = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const lastYear = Number(to.slice(0, 4));
  const lastMonth = Number(to.slice(5, 7));
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const code = dimension === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`;
    if (periods[periods.length - 1] !== code) {
      periods.push(code);
    }
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return periods;
}

const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** "jul 2026", "T3 2026": short enough for an axis, when the API sends no label of its own. */
export function periodLabel(code) {
  const quarter = /^(\d{4})-Q(\d)$/.exec(code);
  if (quarter) {
    return `T${quarter[2]} ${quarter[1]}`;
  }
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  return month ? `${MONTHS[Number(month[2]) - 1]} ${month[1]}` : code;
}
