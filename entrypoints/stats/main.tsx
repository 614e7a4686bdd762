import { mountApp } from '../../components/mount';
import { App } from './App';

mountApp(<App />, (key, subs) => browser.i18n.getMessage(key, subs), browser.i18n.getUILanguage(), 'openStats');
