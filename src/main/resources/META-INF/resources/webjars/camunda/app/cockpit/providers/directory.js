// The directory page: the providers of the user's jurisdictions, searched by name and service; for
// coordination, the form that registers or changes a provider, its deactivation with the reason,
// and its history. Every figure and check is the server's; this page only shows and sends.
import * as api from './providers-api.js';

export async function renderDirectory(node) {
  const root = el('div', { class: 'nrm-providers' }, el('h2', {}, 'Directorio de prestadores de servicios'));
  node.append(root);
  let codes;
  let access;
  try {
    [codes, access] = await Promise.all([api.codes(), api.access()]);
  } catch (refused) {
    root.append(el('p', { class: 'nrm-error', role: 'alert' }, refused.message));
    return;
  }
  // a regional coordinator, member of several jurisdictions, sees them together first
  const state = { jurisdiction: access.reads.length > 1 ? '' : access.reads[0] ?? '', service: '', text: '', inactive: false };
  const filters = el('div', { class: 'nrm-filters' });
  const message = el('p', { class: 'nrm-message', role: 'status' });
  const editor = el('div', { class: 'nrm-editor' });
  const results = el('div', { class: 'nrm-results' });
  root.append(filters, message, editor, results);

  const refresh = async () => {
    results.textContent = '';
    try {
      const providers = await api.list(state);
      const text = state.text.trim().toLowerCase();
      const shown = providers.filter((provider) => !text || provider.name.toLowerCase().includes(text));
      results.append(table(shown, codes, access, { edit, deactivate, showHistory }));
    } catch (refused) {
      results.append(el('p', { class: 'nrm-error', role: 'alert' }, refused.message));
    }
  };
  const edit = (provider) => openEditor(editor, codes, access, provider ?? { jurisdiction: state.jurisdiction }, async (saved) => {
    message.textContent = `Se guardó «${saved.name}» (versión ${saved.version}).`;
    editor.textContent = '';
    await refresh();
  });
  const deactivate = (provider) => openDeactivation(editor, provider, async (saved) => {
    message.textContent = `Se desactivó «${saved.name}».`;
    editor.textContent = '';
    await refresh();
  });
  const showHistory = (provider) => openHistory(editor, provider);

  filters.append(
    labelled('Jurisdicción', select([...(access.reads.length > 1 ? [['', 'Todas']] : []), ...access.reads.map((code) => [code, code])],
      state.jurisdiction, (value) => { state.jurisdiction = value; refresh(); }, 'nrm-filter-jurisdiction')),
    labelled('Servicio', select([['', 'Todos'], ...Object.entries(codes.services)], '', (value) => { state.service = value; refresh(); }, 'nrm-filter-service')),
    labelled('Buscar por nombre', input('search', '', (value) => { state.text = value; refresh(); }, 'nrm-filter-text')),
    checkbox('Mostrar los desactivados', false, (value) => { state.inactive = value; refresh(); }, 'nrm-filter-inactive'));
  if (access.keeps.length) {
    filters.append(el('button', { type: 'button', class: 'btn btn-primary', onclick: () => edit(null) }, 'Registrar prestador'));
  }
  await refresh();
}

function table(providers, codes, access, actions) {
  if (!providers.length) {
    return el('p', {}, 'Ningún prestador coincide con la búsqueda.');
  }
  const rows = providers.map((provider) => el('tr', { class: provider.active ? '' : 'nrm-inactive', 'data-provider': provider.name },
    el('td', {}, provider.name, access.reads.length > 1 ? el('small', { class: 'nrm-jurisdiction' }, ` (${provider.jurisdiction})`) : ''),
    el('td', {}, codes.institutions[provider.institution] ?? provider.institution),
    el('td', {}, codes.sectors[provider.sector] ?? provider.sector),
    el('td', {}, provider.services.map((service) => codes.services[service] ?? service).join(', ')),
    el('td', {}, provider.regions.map((region) => codes.regions[provider.jurisdiction]?.[region] ?? region).join(', ')),
    el('td', {}, provider.placesFree == null ? '—' : `${provider.placesFree} de ${provider.capacity}`),
    el('td', {}, [provider.contacts?.phone, provider.contacts?.email].filter(Boolean).join(' · ')),
    el('td', {}, provider.active ? 'Activo' : 'Desactivado'),
    el('td', { class: 'nrm-actions' }, ...actionsOf(provider, access, actions))));
  return el('table', { class: 'table table-striped nrm-table' },
    el('thead', {}, el('tr', {}, ...['Nombre', 'Institución', 'Tipo', 'Servicios', 'Regiones', 'Plazas libres', 'Contacto', 'Estado', '']
      .map((heading) => el('th', {}, heading)))),
    el('tbody', {}, ...rows));
}

function actionsOf(provider, access, { edit, deactivate, showHistory }) {
  const buttons = [el('button', { type: 'button', class: 'btn btn-default btn-xs', onclick: () => showHistory(provider) }, 'Historial')];
  if (access.keeps.includes(provider.jurisdiction) && provider.active) {
    buttons.unshift(el('button', { type: 'button', class: 'btn btn-default btn-xs', onclick: () => edit(provider) }, 'Editar'),
      el('button', { type: 'button', class: 'btn btn-default btn-xs', onclick: () => deactivate(provider) }, 'Desactivar'));
  }
  return buttons;
}

function openEditor(editor, codes, access, provider, saved) {
  editor.textContent = '';
  const draft = structuredClone(provider);
  if (!draft.id && !access.keeps.includes(draft.jurisdiction)) {
    draft.jurisdiction = access.keeps[0];
  }
  draft.serves ??= { ageGroups: [], sexes: [], lgbtqi: false, indigenousLanguages: [], disabilityAccess: false };
  draft.contacts ??= {};
  draft.services ??= [];
  draft.regions ??= [];
  draft.languages ??= ['es'];
  const errors = el('ul', { class: 'nrm-error', role: 'alert' });
  const regions = el('fieldset', {});
  const showRegions = () => {
    regions.textContent = '';
    regions.append(el('legend', {}, 'Regiones que atiende'),
      ...checkboxes(Object.entries(codes.regions[draft.jurisdiction] ?? {}), draft.regions, 'region'));
  };
  const form = el('form', { class: 'nrm-form', onsubmit: async (event) => {
    event.preventDefault();
    errors.textContent = '';
    const body = { ...draft, languages: words(draft.languagesText ?? draft.languages.join(', ')),
      serves: { ...draft.serves, indigenousLanguages: words(draft.indigenousText ?? draft.serves.indigenousLanguages.join(', ')) } };
    delete body.languagesText;
    delete body.indigenousText;
    for (const count of ['capacity', 'placesFree']) {
      body[count] = body[count] === '' || body[count] == null ? null : Number(body[count]);
    }
    try {
      saved(provider.id ? await api.update(provider.id, body) : await api.create(body));
    } catch (refused) {
      errors.append(el('li', {}, refused.message), ...refused.fields.map((field) => el('li', {}, `${fieldLabel(field.field)}: ${field.message}`)));
    }
  } },
  el('h3', {}, provider.id ? `Editar «${provider.name}»` : 'Registrar un prestador'),
  provider.id ? el('p', {}, `Jurisdicción ${provider.jurisdiction}`)
    : labelled('Jurisdicción', select(access.keeps.map((code) => [code, code]), draft.jurisdiction,
      (value) => { draft.jurisdiction = value; draft.regions = []; showRegions(); }, 'nrm-jurisdiction')),
  labelled('Nombre', input('text', draft.name ?? '', (value) => { draft.name = value; }, 'nrm-name')),
  labelled('Institución', select([['', 'Elija…'], ...Object.entries(codes.institutions)], draft.institution ?? '', (value) => { draft.institution = value; }, 'nrm-institution')),
  labelled('Tipo', select([['', 'Elija…'], ...Object.entries(codes.sectors)], draft.sector ?? '', (value) => { draft.sector = value; }, 'nrm-sector')),
  el('fieldset', {}, el('legend', {}, 'Servicios que presta'), ...checkboxes(Object.entries(codes.services), draft.services, 'service')),
  regions,
  el('fieldset', {}, el('legend', {}, 'A quién atiende'),
    ...checkboxes(Object.entries(codes.ageGroups), draft.serves.ageGroups, 'age'),
    ...checkboxes(Object.entries(codes.sexes), draft.serves.sexes, 'sex'),
    checkbox('Atención sensible a personas LGBTQI+', draft.serves.lgbtqi, (value) => { draft.serves.lgbtqi = value; }, 'nrm-lgbtqi'),
    checkbox('Acceso para personas con discapacidad', draft.serves.disabilityAccess, (value) => { draft.serves.disabilityAccess = value; }, 'nrm-disability'),
    labelled('Lenguas indígenas en que atiende (códigos ISO 639, separados por comas)', input('text', draft.serves.indigenousLanguages.join(', '), (value) => { draft.indigenousText = value; }, 'nrm-indigenous'))),
  labelled('Idiomas (códigos ISO 639, separados por comas)', input('text', draft.languages.join(', '), (value) => { draft.languagesText = value; }, 'nrm-languages')),
  labelled('Capacidad (plazas; obligatoria para un albergue)', input('number', draft.capacity ?? '', (value) => { draft.capacity = value; }, 'nrm-capacity')),
  labelled('Plazas libres', input('number', draft.placesFree ?? '', (value) => { draft.placesFree = value; }, 'nrm-places-free')),
  el('fieldset', {}, el('legend', {}, 'Contacto para las instituciones'),
    labelled('Teléfono', input('text', draft.contacts.phone ?? '', (value) => { draft.contacts.phone = value; }, 'nrm-phone')),
    labelled('Correo', input('email', draft.contacts.email ?? '', (value) => { draft.contacts.email = value; }, 'nrm-email')),
    labelled('Dirección', input('text', draft.contacts.address ?? '', (value) => { draft.contacts.address = value; }, 'nrm-address')),
    labelled('Horario', input('text', draft.contacts.hours ?? '', (value) => { draft.contacts.hours = value; }, 'nrm-hours')),
    checkbox('El prestador acepta que se den estos datos a las personas que atiende (hoja de servicios)', draft.contacts.forPersons === true,
      (value) => { draft.contacts.forPersons = value; }, 'nrm-for-persons')),
  errors,
  el('button', { type: 'submit', class: 'btn btn-primary' }, 'Guardar'),
  el('button', { type: 'button', class: 'btn btn-default', onclick: () => { editor.textContent = ''; } }, 'Cancelar'));
  showRegions();
  editor.append(form);
}

function openDeactivation(editor, provider, saved) {
  editor.textContent = '';
  let reason = '';
  const errors = el('p', { class: 'nrm-error', role: 'alert' });
  editor.append(el('form', { class: 'nrm-form', onsubmit: async (event) => {
    event.preventDefault();
    try {
      saved(await api.deactivate(provider.id, provider.version, reason));
    } catch (refused) {
      errors.textContent = [refused.message, ...refused.fields.map((field) => field.message)].join(' ');
    }
  } },
  el('h3', {}, `Desactivar «${provider.name}»`),
  el('p', {}, 'Deja de ofrecerse para derivaciones nuevas; su historial se conserva.'),
  labelled('Motivo', input('text', '', (value) => { reason = value; }, 'nrm-reason')),
  errors,
  el('button', { type: 'submit', class: 'btn btn-primary' }, 'Desactivar'),
  el('button', { type: 'button', class: 'btn btn-default', onclick: () => { editor.textContent = ''; } }, 'Cancelar')));
}

async function openHistory(editor, provider) {
  editor.textContent = '';
  const actions = { created: 'Registrado', updated: 'Modificado', deactivated: 'Desactivado' };
  try {
    const changes = await api.history(provider.id);
    const rows = changes.map((change) => el('tr', {},
      el('td', {}, String(change.version)),
      el('td', {}, actions[change.action] ?? change.action),
      el('td', {}, new Date(change.at).toLocaleString('es')),
      el('td', {}, change.by),
      el('td', {}, change.reason ?? '')));
    const headings = el('tr', {}, ...['Versión', 'Cambio', 'Fecha', 'Por', 'Motivo'].map((heading) => el('th', {}, heading)));
    editor.append(el('div', { class: 'nrm-history' },
      el('h3', {}, `Historial de «${provider.name}»`),
      el('table', { class: 'table' }, el('thead', {}, headings), el('tbody', {}, ...rows)),
      el('button', { type: 'button', class: 'btn btn-default', onclick: () => { editor.textContent = ''; } }, 'Cerrar')));
  } catch (refused) {
    editor.append(el('p', { class: 'nrm-error', role: 'alert' }, refused.message));
  }
}

const FIELD_LABELS = {
  jurisdiction: 'Jurisdicción', name: 'Nombre', institution: 'Institución', sector: 'Tipo', services: 'Servicios que presta',
  regions: 'Regiones que atiende', 'serves.ageGroups': 'Edades que atiende', 'serves.sexes': 'A quién atiende (sexo)',
  'serves.indigenousLanguages': 'Lenguas indígenas', languages: 'Idiomas', capacity: 'Capacidad', placesFree: 'Plazas libres',
  contacts: 'Contacto', 'contacts.phone': 'Teléfono', 'contacts.email': 'Correo', 'contacts.address': 'Dirección',
  'contacts.hours': 'Horario', 'contacts.forPersons': 'Datos para las personas', version: 'Versión'
};

/** The form's label of a field the server names ("regions[1]": "Regiones que atiende (2.º)"). */
function fieldLabel(field) {
  const [, path, index] = field.match(/^([^[]*)(?:\[(\d+)\])?/) ?? [null, field];
  const label = FIELD_LABELS[path] ?? path;
  return index === undefined ? label : `${label} (${Number(index) + 1}.º)`;
}

function words(text) {
  return text.split(',').map((word) => word.trim()).filter(Boolean);
}

function checkboxes(options, chosen, name) {
  return options.map(([code, label]) => checkbox(label, chosen.includes(code), (value) => {
    const at = chosen.indexOf(code);
    if (value && at < 0) {
      chosen.push(code);
    } else if (!value && at >= 0) {
      chosen.splice(at, 1);
    }
  }, `nrm-${name}-${code}`));
}

function labelled(text, control) {
  return el('label', { class: 'nrm-field' }, el('span', {}, text), control);
}

function select(options, value, changed, id) {
  const control = el('select', { id, class: 'form-control', onchange: (event) => changed(event.target.value) },
    ...options.map(([code, label]) => el('option', { value: code }, label)));
  control.value = value;
  return control;
}

function input(type, value, changed, id) {
  return el('input', { id, type, class: 'form-control', value: String(value), oninput: (event) => changed(event.target.value) });
}

function checkbox(text, checked, changed, id) {
  const control = el('input', { id, type: 'checkbox', onchange: (event) => changed(event.target.checked) });
  control.checked = checked;
  return el('label', { class: 'nrm-check' }, control, ` ${text}`);
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else if (name === 'value') {
      node.value = value;
    } else {
      node.setAttribute(name, value);
    }
  }
  node.append(...children.flat());
  return node;
}
