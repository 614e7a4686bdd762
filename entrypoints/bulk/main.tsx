import { mountApp } from '../../components/mount';
import { App } from './App';

const batchId = new URLSearchParams(location.search).get('batch');
mountApp(
  <App initialId={batchId} />,
  (key, subs) => browser.i18n.getMessage(key, subs),
  browser.i18n.getUILanguage(),
  'bulkTitle',
);
