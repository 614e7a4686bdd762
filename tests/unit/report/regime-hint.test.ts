import { describe, expect, it } from 'vitest';
import { regimeHint } from '../../../components/report/regime-hint';
import { RecipientSchema } from '../../../lib/model/recipient';

const t = ((key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join('|')})`) as never;
const recipient = (country: string | null, name = 'Host') => RecipientSchema.parse({ role: 'host', name, country });

describe('regimeHint', () => {
  it('names the country and the suggested regime', () => {
    expect(regimeHint(recipient('de'), t)).toBe('regimeHintCountry(DE|regime_eu_dsa())');
    expect(regimeHint(recipient('JP'), t)).toBe('regimeHintCountry(JP|regime_jp())');
  });

  it('explains the generic form when the country is unknown, and the bilingual letter for Chinese groups', () => {
    expect(regimeHint(recipient(null), t)).toBe('regimeHintNoCountry(regime_generic())');
    expect(regimeHint(recipient('SG', 'Alibaba Cloud (Singapore)'), t)).toBe(
      'regimeHintCountry(SG|regime_generic()) regimeHintBilingual()',
    );
  });
});
