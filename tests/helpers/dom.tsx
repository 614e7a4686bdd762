/**
 * Mounts a component in the test's DOM (a file opts in with `// @vitest-environment happy-dom`) and drives it the
 * way a person does: click, type, choose, submit. Each action runs inside React's act(), so state updates and the
 * effects they trigger have landed when the call returns.
 */
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { TranslateProvider } from '../../components/i18n';
import type { Translate } from '../../lib/i18n';

// Tells React that updates are driven by act() (otherwise it warns on every state change).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A Translate over a locale's messages.json, with $1… placeholders filled like chrome.i18n does. */
export const translator =
  (messages: Record<string, { message: string }>): Translate =>
  (key, subs) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
  };

export async function mount(node: ReactNode, t: Translate) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => root.render(<TranslateProvider t={t}>{node}</TranslateProvider>));

  const find = <E extends Element>(selector: string): E => {
    const el = container.querySelector<E>(selector);
    if (!el) throw new Error(`Nothing matches ${selector}`);
    return el;
  };
  const button = (text: string): HTMLButtonElement => {
    const b = [...container.querySelectorAll('button')].find((x) => x.textContent?.trim() === text);
    if (!b) throw new Error(`No button "${text}"`);
    return b;
  };
  /** Sets a control's value through the native setter, as typing does, so React's onChange sees it. */
  const setValue = async (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) => {
    const proto = Object.getPrototypeOf(el) as object;
    await act(async () => {
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
      el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    });
  };

  return {
    container,
    find,
    button,
    text: () => container.textContent ?? '',
    click: (el: HTMLElement) => act(async () => el.click()),
    type: (selector: string, value: string) => setValue(find(selector), value),
    submit: (selector = 'form') =>
      act(async () => {
        find<HTMLFormElement>(selector).requestSubmit();
      }),
    unmount: async () => {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}
