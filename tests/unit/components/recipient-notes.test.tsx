import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TranslateProvider } from '../../../components/i18n';
import { RecipientsPanel } from '../../../components/report/RecipientsPanel';
import type { Translate } from '../../../lib/i18n';
import { substitute } from '../../../lib/model/note-text';
import { RecipientSchema } from '../../../lib/model/recipient';
import { LOOKUP_ERROR_KINDS, LookupStepSchema } from '../../../lib/contract';
import { lookupErrorText } from '../../../lib/report/lookup-error-labels';
import type { LookupState } from '../../../lib/report/lookup-progress';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';

const translator =
  (messages: Record<string, { message: string }>): Translate =>
  (key, subs) =>
    substitute(messages[key]?.message ?? '', subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);

// As the backend sends it: coded notes, plus one plain string from an answer cached by an older backend.
const host = RecipientSchema.parse({
  role: 'host',
  name: 'Hetzner',
  emails: ['abuse@hetzner.com'],
  confidence: 0.9,
  source: 'directory',
  notes: [
    { code: 'upstream', params: { asn: '24940' } },
    { code: 'provider_requirement', params: { text: 'Name the IP address.' } },
    'An old note from a cached answer.',
  ],
});
const state: Extract<LookupState, { phase: 'done' }> = {
  phase: 'done',
  verdict: 'ok',
  groups: { dns: 'done', network: 'done', cdn: 'done', registrar: 'done' },
  result: {
    input: 'https://pirate.to/a',
    hostname: 'pirate.to',
    registrableDomain: 'pirate.to',
    addresses: [],
    cdn: null,
    recipients: [host],
    errors: [],
  },
};
const render = (t: Translate) =>
  renderToStaticMarkup(
    <TranslateProvider t={t}>
      <RecipientsPanel
        state={state}
        recipients={[host]}
        selected={new Set()}
        onToggle={() => {}}
        onRetry={() => {}}
        onAddManual={() => {}}
      />
    </TranslateProvider>,
  );

describe('report page: recipient notes in the Details fold', () => {
  it('are said in the page language; the directory text and old notes as written', () => {
    const zhPage = render(translator(zh));
    expect(zhPage).toContain('上游网络 AS24940：如主机商不处理，可升级至此。');
    expect(zhPage).toContain('服务商要求（目录原文）：Name the IP address.');
    expect(zhPage).toContain('An old note from a cached answer.');
    expect(zhPage).not.toContain('Upstream network');
    const enPage = render(translator(en));
    expect(enPage).toContain('Upstream network AS24940: escalate here if the host does not act.');
    expect(enPage).toContain('data-note="legacy"');
  });
});

describe('report page: the sources a partial lookup missed', () => {
  const partial: LookupState = {
    ...state,
    verdict: 'partial',
    result: {
      ...state.result,
      errors: [
        {
          step: 'rdap-ip',
          kind: 'timeout',
          message: 'https://rdap.example.net/ip/203.0.113.9: timed out after 8000 ms',
        },
      ],
    },
  };
  const renderPartial = (t: Translate) =>
    renderToStaticMarkup(
      <TranslateProvider t={t}>
        <RecipientsPanel
          state={partial}
          recipients={[host]}
          selected={new Set()}
          onToggle={() => {}}
          onRetry={() => {}}
          onAddManual={() => {}}
        />
      </TranslateProvider>,
    );

  it('say which source and what happened in the page language, the raw message kept as detail', () => {
    const zhPage = renderPartial(translator(zh));
    expect(zhPage).toContain('网络注册信息（RDAP）：未在规定时间内应答；请稍后重试。');
    expect(zhPage).toContain('timed out after 8000 ms');
    expect(renderPartial(translator(en))).toContain('Network registry (RDAP) did not answer in time; try again later.');
  });

  it('every step and kind has words in both languages', () => {
    for (const messages of [en, zh]) {
      const t = translator(messages);
      for (const step of LookupStepSchema.options)
        for (const kind of LOOKUP_ERROR_KINDS) {
          const text = lookupErrorText({ step, kind }, t);
          expect(text.trim().length, `${step} ${kind}`).toBeGreaterThan(4);
          expect(text, `${step} ${kind}`).not.toMatch(/\$\d|lookupStep|lookupErrorKind/);
        }
    }
  });
});
