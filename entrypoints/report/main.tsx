import { mountApp } from '../../components/mount';
import { parseReportTarget } from '../../lib/report/target';
import { App } from './App';

const target = parseReportTarget(location.search);
mountApp(
  <App target={target} />,
  (key, subs) => browser.i18n.getMessage(key, subs),
  browser.i18n.getUILanguage(),
  'reportTitle',
);
