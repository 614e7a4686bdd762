import { createContext, useContext, type ReactNode } from 'react';
import type { MessageKey, Translate } from '../lib/i18n';

const fallback: Translate = (key) => key;
const TranslateContext = createContext<Translate>(fallback);

/** Entrypoints pass browser.i18n.getMessage in; components only ever see `t`. */
export function TranslateProvider({ t, children }: { t: Translate; children: ReactNode }) {
  return <TranslateContext.Provider value={t}>{children}</TranslateContext.Provider>;
}

export function useT(): Translate {
  return useContext(TranslateContext);
}

export type { MessageKey, Translate };
