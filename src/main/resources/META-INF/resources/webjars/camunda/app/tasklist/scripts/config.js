// The product's configuration of Tasklist (it takes the place of Tasklist's own scripts/config.js):
// Spanish by default and as the fallback, English when the browser asks for it; the keyboard
// shortcuts, described in Spanish; the task list sorted by due date, most urgent first, unless the
// user sorts it otherwise (scripts/due-date-first.js); Camunda Forms' own words in Spanish
// (scripts/camunda-forms-in-spanish.js).
export default {
  customScripts: ['scripts/due-date-first.js', 'scripts/camunda-forms-in-spanish.js'],
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'se asigna la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'lleva el foco al primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'lleva el foco a la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'lleva el foco al primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre la ventana para iniciar un proceso'
    }
  }
};
