// The statistics page: reads the filters, asks the API for each chart's figures in parallel and
// draws each card on its own, so that one failing answer leaves the others readable.
import * as statistics from './statistics-api.js';
import { countText, field, formatNumber } from './cells.js';
import { CARDS, pageSkeleton } from './layout.js';
import { presets, timeDimension } from './period.js';
import { ageSexSection, countryName, overdueSection, purposeSection, referralsSection, regionsSection, timeSection } from './sections.js';
import { HATCH } from './charts.js';

// the WebJar of pom.xml, served by Spring Boot; loaded when the page opens, not with Cockpit
const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
const ECHARTS_SPANISH = '/webjars/echarts/5.3.1/lib/i18n/langES.js';

export function renderDashboard(node) {
  const page = pageSkeleton();
  node.append(page);
  const dashboard = new Dashboard(page);
  dashboard.start();
  return () => dashboard.close();
}

class Dashboard {
  constructor(page) {
    this.page = page;
    this.form = page.querySelector('form');
    this.charts = [];
    this.baseMaps = new Map();
    this.jurisdictions = null;
    this.resize = () => this.charts.forEach((chart) => chart.resize());
  }

  async start() {
    this.choosePreset(presets()[0]);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.load();
    });
    window.addEventListener('resize', this.resize);
    const buttons = this.page.querySelector('.nrm-statistics-presets');
    for (const preset of presets()) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'btn btn-default';
      button.dataset.preset = preset.id;
      button.textContent = preset.label;
      button.addEventListener('click', () => {
        this.choosePreset(preset);
        this.load();
      });
      buttons.append(button);
    }
    try {
      const [echarts, spanish] = await Promise.all([import(ECHARTS), import(ECHARTS_SPANISH)]);
      echarts.registerLocale('ES', spanish.default);
      this.echarts = echarts;
    } catch (missing) {
      this.fail('No se pudo cargar la biblioteca de gráficos (ECharts).');
      return;
    }
    await this.load();
  }

  choosePreset(preset) {
    this.form.elements.from.value = preset.from;
    this.form.elements.to.value = preset.to;
  }

  filter() {
    const chosen = this.form.elements.jurisdiction.value;
    return {
      from: this.form.elements.from.value,
      to: this.form.elements.to.value,
      jurisdictions: chosen ? [chosen] : []
    };
  }

  async load() {
    const filter = this.filter();
    this.busy(true);
    this.clear();
    const dimension = timeDimension(filter);
    const answers = {
      time: statistics.cases(filter, [dimension]),
      purpose: statistics.cases(filter, ['purpose']),
      ageSex: statistics.cases(filter, ['ageGroup', 'sex']),
      regions: statistics.cases(filter, ['detectionRegion']),
      indicators: statistics.indicators(filter)
    };
    let time;
    try {
      time = await answers.time;
    } catch (error) {
      this.fail(error.message);
      this.busy(false);
      return;
    }
    this.offerJurisdictions(time.jurisdictions);
    this.summary(time, answers.indicators);
    const draw = (area, option) => this.draw(area, option);
    await Promise.all([
      this.card('time', async (body) => timeSection({ body, answer: time, dimension, filter, draw })),
      this.card('purpose', async (body) => purposeSection({ body, answer: await answers.purpose, draw })),
      this.card('age-sex', async (body) => ageSexSection({ body, answer: await answers.ageSex, draw })),
      this.card('referrals', async (body) => referralsSection({ body, indicators: await answers.indicators, draw })),
      this.card('overdue', async (body) => overdueSection({ body, indicators: await answers.indicators, draw })),
      this.card('regions', async (body) => regionsSection({ body, answer: await answers.regions, draw, baseMap: (code) => this.baseMap(code) }))
    ]);
    this.notes(await Promise.allSettled(Object.values(answers)));
    // what the figures on the page are for: the browser test asks the API the same
    this.page.dataset.query = statistics.query({ ...filter, jurisdictions: time.jurisdictions });
    this.busy(false);
  }

  async card(id, fill) {
    const body = this.page.querySelector(`[data-card="${id}"] .nrm-statistics-body`);
    try {
      await fill(body);
    } catch (error) {
      const alert = document.createElement('p');
      alert.className = 'alert alert-warning';
      alert.textContent = error instanceof statistics.StatisticsError ? error.message : 'Este gráfico no se pudo mostrar.';
      body.replaceChildren(alert);
      console.error(`statistics card ${id}`, error);
    }
  }

  draw(area, option) {
    const chart = this.echarts.init(area, null, { locale: 'ES', renderer: 'canvas' });
    chart.setOption({ aria: { enabled: false }, animation: false, ...option });
    this.charts.push(chart);
  }

  /** The name under which the jurisdiction's base map is registered with ECharts; null without one. */
  async baseMap(jurisdiction) {
    if (!this.baseMaps.has(jurisdiction)) {
      this.baseMaps.set(jurisdiction, fetch(new URL(`maps/${jurisdiction}.json`, import.meta.url), { credentials: 'same-origin' })
        .then((response) => (response.ok ? response.json() : null))
        .then((geoJson) => {
          if (!geoJson) {
            return null;
          }
          const name = `nrm-first-level-${jurisdiction}`;
          this.echarts.registerMap(name, geoJson);
          return name;
        })
        .catch(() => null));
    }
    return this.baseMaps.get(jurisdiction);
  }

  offerJurisdictions(jurisdictions) {
    if (this.jurisdictions) {
      return;
    }
    // the first answer, for every jurisdiction the user may see, tells which ones to offer
    this.jurisdictions = jurisdictions;
    const select = this.form.elements.jurisdiction;
    select.replaceChildren(new Option('Todas las suyas', ''), ...jurisdictions.map((code) => new Option(countryName(code), code)));
    this.page.querySelector('.nrm-statistics-jurisdiction').hidden = jurisdictions.length < 2;
  }

  async summary(time, indicatorsAnswer) {
    const k = time.minimumCell;
    this.page.querySelector('.nrm-statistics-legend-text').textContent =
      `Las celdas con menos de ${k} casos se ocultan y se muestran como «< ${k}» (gris rayado): así nadie puede reconocer a una persona. `
      + 'Ninguna cifra se calcula a partir de ellas.';
    this.page.querySelector('.nrm-statistics-swatch').style.background =
      `repeating-linear-gradient(45deg, #c9ccd1, #c9ccd1 3px, ${HATCH.color} 3px, ${HATCH.color} 5px)`;
    const kpis = this.page.querySelector('.nrm-statistics-kpis');
    const period = time.from || time.to ? `del ${time.from ?? 'inicio'} al ${time.to ?? 'hoy'}` : 'de todo el registro';
    kpis.replaceChildren(kpi('total', 'Casos detectados', countText(time.total, k, { suppressed: time.totalSuppressed }),
      `${period} · ${time.jurisdictions.map(countryName).join(', ')}`, time.total, time.totalSuppressed));
    try {
      const indicators = await indicatorsAnswer;
      const identification = indicators.identification ?? {};
      for (const [key, title] of [['identified', 'Identificadas como víctimas'], ['notIdentified', 'No identificadas'], ['pending', 'Decisión pendiente']]) {
        const value = field(identification, key);
        kpis.append(kpi(key, title, countText(value.count, k, value), 'identificación formal', value.count, value.suppressed));
      }
      const hours = indicators.firstAssistance?.medianHours;
      if (hours !== null && hours !== undefined) {
        kpis.append(kpi('first-assistance', 'Mediana hasta la primera asistencia', duration(hours), 'desde la detección', hours, false));
      }
    } catch (unavailable) {
      // the indicators' cards say why
    }
  }

  notes(settled) {
    const notes = [...new Set(settled.filter((answer) => answer.status === 'fulfilled').flatMap((answer) => answer.value.notes ?? []))];
    const section = this.page.querySelector('.nrm-statistics-notes');
    section.querySelector('ul').replaceChildren(...notes.map((note) => {
      const item = document.createElement('li');
      item.textContent = note;
      return item;
    }));
    section.hidden = notes.length === 0;
  }

  clear() {
    this.charts.forEach((chart) => chart.dispose());
    this.charts = [];
    this.page.querySelector('.nrm-statistics-error').hidden = true;
    CARDS.forEach(({ id }) => this.page.querySelector(`[data-card="${id}"] .nrm-statistics-body`).replaceChildren());
  }

  fail(message) {
    const error = this.page.querySelector('.nrm-statistics-error');
    error.textContent = message;
    error.hidden = false;
    this.page.dataset.state = 'failed';
  }

  busy(loading) {
    this.page.setAttribute('aria-busy', String(loading));
    // one question at a time: an earlier answer must not draw into the cards of a later one
    [...this.form.elements].forEach((element) => {
      element.disabled = loading;
    });
    if (loading) {
      this.page.dataset.state = 'loading';
    } else if (this.page.dataset.state !== 'failed') {
      this.page.dataset.state = 'ready';
    }
  }

  close() {
    window.removeEventListener('resize', this.resize);
    this.charts.forEach((chart) => chart.dispose());
  }
}

/** Hours up to two days, days beyond: "3,5 h", "12 días". */
function duration(hours) {
  return hours < 48 ? `${formatNumber(hours, 1)} h` : `${formatNumber(hours / 24, hours < 240 ? 1 : 0)} días`;
}

function kpi(key, title, value, detail, count, suppressed) {
  const tile = document.createElement('div');
  tile.className = 'nrm-statistics-kpi';
  tile.dataset.kpi = key;
  tile.dataset.count = suppressed || count === null || count === undefined ? 'suppressed' : String(count);
  tile.innerHTML = '<span class="nrm-statistics-kpi-value"></span><span class="nrm-statistics-kpi-title"></span><span class="nrm-statistics-kpi-detail"></span>';
  tile.children[0].textContent = value;
  tile.children[1].textContent = title;
  tile.children[2].textContent = detail;
  return tile;
}
