// Camunda Forms in Spanish. Tasklist's forms are drawn by form-js 1.13, which has no translations:
// its few words of its own (the validation messages, a select's "Select", the date's "mm/dd/yyyy")
// would be the only English on a Spanish form. This script puts them in Spanish as form-js draws
// them, when Tasklist speaks Spanish. The forms' own labels are Spanish already (forms/*.form).
const MESSAGES = [
  [/^Field is required\.$/, () => 'Este campo es obligatorio.'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `Debe tener al menos ${n} caracteres.`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `Debe tener como máximo ${n} caracteres.`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `Debe ser ${n} o más.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `Debe ser ${n} o menos.`],
  [/^Field must match pattern (.+)\.$/, (pattern) => `No tiene el formato esperado (${pattern}).`],
  [/^Field must be a valid email\.$/, () => 'Debe ser una dirección de correo válida.'],
  [/^Time must match pattern .*$/, () => 'La hora debe tener el formato hh:mm.'],
  [/^Select$/, () => 'Seleccione'],
  [/^No results$/, () => 'Sin resultados'],
  [/^All values selected$/, () => 'Todos los valores están elegidos']
];
const PLACEHOLDERS = { 'mm/dd/yyyy': 'mm/dd/aaaa (mes/día/año)', Search: 'Buscar' };

function translated(text) {
  const trimmed = text.trim();
  for (const [english, spanish] of MESSAGES) {
    const match = trimmed.match(english);
    if (match) {
      return spanish(...match.slice(1));
    }
  }
  return null;
}

/** The forms (form-js containers) a change is in, or that it brought. */
function formsAround(element) {
  if (!(element instanceof Element)) {
    return [];
  }
  const form = element.closest('.fjs-container');
  return form ? [form] : Array.from(element.querySelectorAll('.fjs-container'));
}

function translate(root) {
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const spanish = node.data.trim() && translated(node.data);
    if (spanish) {
      node.data = spanish;
    }
  }
  root.querySelectorAll('input[placeholder]').forEach((input) => {
    const spanish = PLACEHOLDERS[input.getAttribute('placeholder')];
    if (spanish) {
      input.setAttribute('placeholder', spanish);
    }
  });
}

/** Tasklist's own choice: the browser's first language it has (es, en), Spanish when none. */
function tasklistSpeaksSpanish() {
  const languages = (navigator.languages || [navigator.language]).map((language) => language.slice(0, 2).toLowerCase());
  return languages.find((language) => language === 'es' || language === 'en') !== 'en';
}

if (tasklistSpeaksSpanish()) {
  new MutationObserver((changes) => {
    for (const change of changes) {
      const target = change.type === 'characterData' ? change.target.parentElement : change.target;
      formsAround(target).forEach(translate);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

export default [];
