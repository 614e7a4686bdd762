import { defineConfig } from 'wxt';
import { EXTENSION_PUBLIC_KEY, FIREFOX_EXTENSION_ID } from './lib/extension-id';

export default defineConfig({
  // addons.mozilla.org reviews the sources zip: it needs what builds the extension, not test output or local data.
  zip: { excludeSources: ['test-results/**', 'coverage/**', 'data/**', 'bench/*results.json'] },
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // End-to-end builds only: the options may point the browser lookup's DoH and RDAP at http://127.0.0.1
  // (the loopback test servers). A store build keeps https-only, public-only URLs (lib/lookup/browser-deps.ts).
  vite: () => ({ define: { __TAKEDOWN_TEST_BUILD__: JSON.stringify(process.env.TAKEDOWN_E2E === '1') } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'activeTab',
      'contextMenus',
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'scripting',
      // The single-file MHTML archive of the reported page (issue 15); Chrome only, Firefox has no pageCapture.
      ...(browser === 'firefox' ? [] : ['pageCapture']),
    ],
    // Detection reads pages the user visits; it is off by default and asks for this only when turned on.
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // End-to-end builds only: a dispatched context-menu event carries no user gesture, so the
    // test build holds the page access that a real right-click grants through activeTab.
    ...(process.env.TAKEDOWN_E2E === '1' ? { host_permissions: ['<all_urls>'] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: { gecko: { id: FIREFOX_EXTENSION_ID, strict_min_version: '128.0' } },
          // Manifest V2 has no optional_host_permissions: origins are optional permissions there.
          optional_permissions: ['http://*/*', 'https://*/*'],
        }
      : { key: EXTENSION_PUBLIC_KEY }),
  }),
});
