// "Prestadores" in Cockpit: the directory of service providers, kept by each jurisdiction's
// coordination and read by institutions (#/prestadores), as a Camunda 7.24 plugin listed in
// scripts/config.js under customScripts. The page calls /api/providers with Cockpit's session.
const PATH = '/prestadores';

const navigation = {
  id: 'nrm-providers-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 35,
  properties: {
    path: PATH,
    checkActive: (address) => address.includes(`#${PATH}`)
  },
  render(node) {
    const link = document.createElement('a');
    link.href = `#${PATH}`;
    link.textContent = 'Prestadores';
    node.append(link);
  }
};

const page = {
  id: 'nrm-providers-page',
  pluginPoint: 'cockpit.route',
  properties: { path: PATH, label: 'Prestadores' },
  render(node) {
    if (!document.querySelector('link[data-nrm-providers]')) {
      const styles = document.createElement('link');
      styles.rel = 'stylesheet';
      styles.href = new URL('providers.css', import.meta.url).href;
      styles.dataset.nrmProviders = '';
      document.head.append(styles);
    }
    node.textContent = '';
    import('./directory.js').then(({ renderDirectory }) => renderDirectory(node));
  }
};

export default [navigation, page];
