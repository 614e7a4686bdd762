import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BackendForm } from '../../../components/options/BackendForm';
import { TranslateProvider } from '../../../components/i18n';
import type { Translate } from '../../../lib/i18n';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';

const translator =
  (messages: Record<string, { message: string }>): Translate =>
  (key) =>
    messages[key]?.message ?? '';
const settings = { url: 'http://127.0.0.1:8787', token: '' };
const render = (t: Translate, withPair: boolean) =>
  renderToStaticMarkup(
    <TranslateProvider t={t}>
      <BackendForm
        saved={settings}
        onSave={async () => {}}
        onTest={async () => {}}
        {...(withPair ? { onPair: async () => 'x'.repeat(43) } : {})}
      />
    </TranslateProvider>,
  );

describe('options: backend form', () => {
  it('offers one-click pairing, in English and Chinese', () => {
    expect(render(translator(en), true)).toContain('>Pair with backend</button>');
    expect(render(translator(zh), true)).toContain('>与后端配对</button>');
    expect(render(translator(en), false)).not.toContain('>Pair with backend</button>');
  });
});
