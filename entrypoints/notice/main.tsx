import { mountApp } from '../../components/mount';
import { App } from './App';

const id = new URLSearchParams(location.search).get('id') ?? '';
mountApp(
  <App id={id} />,
  (key, subs) => browser.i18n.getMessage(key, subs),
  browser.i18n.getUILanguage(),
  'noticeTitle',
);
