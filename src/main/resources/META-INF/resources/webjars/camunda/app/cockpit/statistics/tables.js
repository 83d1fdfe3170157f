// The figures of each chart as a table under it: what a screen reader reads, what a coordinator
// copies into a report, and what the browser test compares with the API. Every cell keeps the
// API's value in data-count ("suppressed" when hidden) next to the text it shows.
import { countText, countWords, isSuppressed } from './cells.js';

/**
 * A table of counts: rows (a code, a header, cells) by columns (a key, a header).
 * Each cell is {count, suppressed} as the API gave it.
 */
export function dataTable({ caption, corner, columns, rows, minimumCell, name, empty = 'Sin casos en el periodo.' }) {
  const table = document.createElement('table');
  table.className = 'nrm-statistics-table';
  table.dataset.table = name;
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  head.append(headerCell(corner, 'col'));
  columns.forEach((column) => head.append(headerCell(column.header, 'col')));
  const body = table.createTBody();
  if (!rows.length) {
    const none = body.insertRow().insertCell();
    none.colSpan = columns.length + 1;
    none.className = 'nrm-statistics-empty';
    none.textContent = empty;
  }
  for (const row of rows) {
    const line = body.insertRow();
    line.dataset.code = row.code;
    line.append(headerCell(row.header, 'row'));
    row.cells.forEach((cell, index) => {
      const td = line.insertCell();
      td.dataset.key = columns[index].key;
      const hidden = isSuppressed(cell?.count, cell);
      td.dataset.count = hidden ? 'suppressed' : String(cell.count);
      td.textContent = countText(cell?.count, minimumCell, cell);
      if (hidden) {
        td.className = 'nrm-statistics-suppressed';
        td.title = countWords(null, minimumCell);
      }
    });
  }
  // long tables (months, regions) scroll in their own box, so that the charts stay side by side
  const box = document.createElement('div');
  box.className = 'nrm-statistics-table-box';
  box.append(table);
  return box;
}

function headerCell(text, scope) {
  const th = document.createElement('th');
  th.scope = scope;
  th.textContent = text;
  return th;
}
