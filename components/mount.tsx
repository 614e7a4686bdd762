import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { TranslateProvider } from './i18n';
import { pageLanguage, type Translate } from '../lib/i18n';
import './ui/styles.css';

/** Boots an extension page: the entrypoint hands in the browser's translator and UI language. */
export function mountApp(app: ReactNode, t: Translate, uiLanguage: string, titleKey?: Parameters<Translate>[0]) {
  document.documentElement.lang = pageLanguage(uiLanguage, t('uiLocale'));
  if (titleKey) document.title = t(titleKey);
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <StrictMode>
      <TranslateProvider t={t}>{app}</TranslateProvider>
    </StrictMode>,
  );
}
