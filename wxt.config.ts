import { defineConfig } from 'wxt';
export default defineConfig({ modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'] });
