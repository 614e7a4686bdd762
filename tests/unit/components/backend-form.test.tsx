// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendForm } from '../../../components/options/BackendForm';
import { AppError } from '../../../lib/errors';
import type { BackendSettings } from '../../../lib/model/settings';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { mount, translator } from '../../helpers/dom';

const saved = { url: 'http://127.0.0.1:8787', token: '' };
let mounted: Awaited<ReturnType<typeof mount>> | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

function form(props: Partial<Parameters<typeof BackendForm>[0]> = {}, locale = en) {
  const calls = {
    onSave: vi.fn(async (_: BackendSettings) => {}),
    onTest: vi.fn(async (_: BackendSettings) => {}),
    onPair: vi.fn(async (_: BackendSettings) => 'p'.repeat(43)),
  };
  return { calls, ui: mount(<BackendForm saved={saved} {...calls} {...props} />, translator(locale)) };
}

describe('options: backend form', () => {
  it('pairs in one click: the token it gets is saved with the typed URL and the form says so', async () => {
    const { calls, ui } = form();
    mounted = await ui;
    await mounted.type('input[name="backendUrl"]', ' http://127.0.0.1:9999 ');
    await mounted.click(mounted.button('Pair with backend'));
    expect(calls.onPair).toHaveBeenCalledWith({ url: 'http://127.0.0.1:9999', token: '' });
    expect(calls.onSave).toHaveBeenCalledWith({ url: 'http://127.0.0.1:9999', token: 'p'.repeat(43) });
    expect(mounted.find<HTMLInputElement>('input[name="backendToken"]').value).toBe('p'.repeat(43));
    expect(mounted.find('[role="status"]').textContent).toBe(en.backendPaired.message);
  });

  it('a refused test shows what to do next; a bad URL is named and nothing is called', async () => {
    const { calls, ui } = form({
      onTest: vi.fn(async () => {
        throw new AppError('unauthorized', 'Bearer token rejected');
      }),
    });
    mounted = await ui;
    await mounted.click(mounted.button('Test connection'));
    expect(mounted.text()).toContain(en.error_unauthorized.message);
    await mounted.type('input[name="backendUrl"]', 'not a url');
    await mounted.submit();
    expect(mounted.find('[data-testid="field-error"]').textContent).toBe(en.backendUrlInvalid.message);
    expect(calls.onSave).not.toHaveBeenCalled();
  });

  it('offers pairing only when it can pair, in English and Chinese', async () => {
    mounted = await form({}, zh).ui;
    expect(() => mounted!.button(zh.backendPair.message)).not.toThrow();
    await mounted.unmount();
    mounted = await form({ onPair: undefined }).ui;
    expect(() => mounted!.button('Pair with backend')).toThrow();
  });
});
