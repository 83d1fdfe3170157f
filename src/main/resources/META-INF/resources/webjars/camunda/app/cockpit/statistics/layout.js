// The page's fixed parts, in Spanish: the filters, the legend of hidden cells and one card per chart.
// Only static text goes through innerHTML; every figure and label is set as text.

export const CARDS = [
  { id: 'time', title: 'Casos detectados a lo largo del tiempo', hint: 'Por mes de detección (por trimestre en periodos de más de dos años).' },
  { id: 'purpose', title: 'Casos por forma de explotación',
    hint: 'Un caso con varias formas de explotación cuenta una vez en cada una: la suma de las barras puede superar el total de casos.' },
  { id: 'age-sex', title: 'Casos por grupo de edad y sexo', hint: 'Grupo de edad en el momento de la detección.' },
  { id: 'referrals', title: 'Derivaciones por institución',
    hint: 'Estado de las derivaciones de los casos del periodo: pendientes de respuesta, aceptadas o rechazadas, y si el servicio se prestó.' },
  // the API counts the tasks overdue now, in every open case: the period does not apply to them
  { id: 'overdue', title: 'Tareas vencidas hoy por institución',
    hint: 'Tareas abiertas ahora cuya fecha de vencimiento ya pasó, en todos los casos abiertos (el periodo elegido no se aplica).' },
  { id: 'regions', title: 'Detecciones por región', hint: 'Región (primer nivel, ISO 3166-2) del lugar de detección.', wide: true }
];

export function pageSkeleton() {
  const page = document.createElement('section');
  page.className = 'nrm-statistics';
  page.dataset.state = 'loading';
  page.setAttribute('aria-busy', 'true');
  page.innerHTML = `
    <header class="nrm-statistics-header">
      <h1>Estadísticas</h1>
      <p>Casos del mecanismo nacional de derivación: cifras agregadas y anónimas, con las mismas reglas que la API de estadísticas.</p>
    </header>
    <form class="nrm-statistics-filters" novalidate>
      <fieldset>
        <legend>Periodo (fecha de detección)</legend>
        <label>Desde <input type="date" name="from" class="form-control input-sm"></label>
        <label>Hasta <input type="date" name="to" class="form-control input-sm"></label>
        <span class="btn-group btn-group-sm nrm-statistics-presets" role="group" aria-label="Periodos frecuentes"></span>
      </fieldset>
      <label class="nrm-statistics-jurisdiction" hidden>Jurisdicción
        <select name="jurisdiction" class="form-control input-sm"></select>
      </label>
      <button type="submit" class="btn btn-primary btn-sm">Actualizar</button>
    </form>
    <div class="alert alert-danger nrm-statistics-error" role="alert" hidden></div>
    <div class="nrm-statistics-kpis" aria-live="polite"></div>
    <p class="nrm-statistics-legend">
      <span class="nrm-statistics-swatch" aria-hidden="true"></span>
      <span class="nrm-statistics-legend-text"></span>
    </p>
    <div class="nrm-statistics-grid"></div>
    <section class="nrm-statistics-notes" hidden><h2>Notas</h2><ul></ul></section>`;
  const grid = page.querySelector('.nrm-statistics-grid');
  for (const card of CARDS) {
    const article = document.createElement('article');
    article.className = `nrm-statistics-card${card.wide ? ' nrm-statistics-card-wide' : ''}`;
    article.dataset.card = card.id;
    article.innerHTML = '<h2></h2><p class="nrm-statistics-hint"></p><div class="nrm-statistics-body"></div>';
    article.querySelector('h2').textContent = card.title;
    article.querySelector('.nrm-statistics-hint').textContent = card.hint;
    grid.append(article);
  }
  return page;
}

/** A chart's drawing area, described for screen readers, which read the table under it. */
export function chartArea(description, height = 300) {
  const area = document.createElement('div');
  area.className = 'nrm-statistics-chart';
  area.style.height = `${height}px`;
  area.setAttribute('role', 'img');
  area.setAttribute('aria-label', `${description}. Las cifras están en la tabla siguiente.`);
  return area;
}
