// "Estadísticas" in Cockpit: an entry in Cockpit's navigation and the page it opens (#/estadisticas),
// as Camunda 7.24 plugins (an ES module listed in scripts/config.js under customScripts). The page
// shows the statistics API's figures for coordinators; see docs/statistics-dashboard.md.
import { access } from './statistics-api.js';

const PATH = '/estadisticas';

const navigation = {
  id: 'nrm-statistics-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 40,
  properties: {
    path: PATH,
    checkActive: (address) => address.includes(`#${PATH}`)
  },
  render(node) {
    const link = document.createElement('a');
    link.href = `#${PATH}`;
    link.textContent = 'Estadísticas';
    node.append(link);
    hideUnlessAllowed(node);
  }
};

const page = {
  id: 'nrm-statistics-page',
  pluginPoint: 'cockpit.route',
  properties: { path: PATH, label: 'Estadísticas' },
  render(node) {
    injectStyles();
    node.textContent = '';
    // loaded on opening the page: Cockpit's other pages never download the charts
    this.closing = import('./dashboard.js').then(({ renderDashboard }) => renderDashboard(node));
  },
  unmount() {
    this.closing?.then((close) => close());
  }
};

// Only coordinators (and administrators) may read the statistics: others (analysts use Cockpit too)
// get no entry that would lead them to a refusal.
async function hideUnlessAllowed(node) {
  try {
    await access();
  } catch (refused) {
    if (refused.status === 403 || refused.status === 401) {
      // not the hidden attribute: Cockpit's header styles give its entries a display of their own
      (node.closest('li') ?? node).style.display = 'none';
    }
  }
}

function injectStyles() {
  if (!document.querySelector('link[data-nrm-statistics]')) {
    const styles = document.createElement('link');
    styles.rel = 'stylesheet';
    styles.href = new URL('dashboard.css', import.meta.url).href;
    styles.dataset.nrmStatistics = '';
    document.head.append(styles);
  }
}

export default [navigation, page];
