// The product's configuration of this Camunda webapp (it takes the place of the webapp's own
// scripts/config.js): Spanish by default and as the fallback, English when the browser asks for it;
// the coordinators' statistics dashboard, "Estadísticas" in the navigation (statistics/plugin.js), and the
// directory of service providers, "Prestadores" (providers/plugin.js).
export default {
  customScripts: ['statistics/plugin.js', 'providers/plugin.js'],
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  }
};
