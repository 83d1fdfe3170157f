// A count as the API gives it: a number, or null with "suppressed" when fewer than k cases (the
// minimum cell) would let someone recognise a person. A hidden count is shown as "< k" and never
// as 0, never estimated, and never used to compute another figure.
const NUMBER = new Intl.NumberFormat('es-CR');

export function isSuppressed(count, holder) {
  return count === null || count === undefined || holder?.suppressed === true;
}

/** The text of a count: "12", or "< 5" when hidden. */
export function countText(count, minimumCell, holder) {
  return isSuppressed(count, holder) ? `< ${minimumCell}` : NUMBER.format(count);
}

/** The words of a count in a tooltip or a screen reader. */
export function countWords(count, minimumCell, holder) {
  if (isSuppressed(count, holder)) {
    return `menos de ${minimumCell} casos (cifra oculta)`;
  }
  return count === 1 ? '1 caso' : `${NUMBER.format(count)} casos`;
}

/** A count in an object of several ({pending, accepted, …}): a null one is hidden, whatever flags the object carries. */
export function field(object, name) {
  const value = object?.[name];
  const suppressed = value === null || value === undefined;
  return { count: suppressed ? null : value, suppressed };
}

export function formatNumber(value, digits = 0) {
  return new Intl.NumberFormat('es-CR', { maximumFractionDigits: digits }).format(value);
}
