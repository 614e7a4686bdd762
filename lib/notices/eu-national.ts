import type { Localised } from './elements';

/**
 * The national provisions that implement the exclusive rights of reproduction and communication
 * to the public (Directive 2001/29/EC arts 2 and 3) in some member states. DSA art. 16(2)(a)
 * asks why the content is illegal, and the DSA is not the law infringed (recital 11, art. 2(4)(b)),
 * so the checklist prompts for the provision of the recipient's member state. These are
 * suggestions to check against the national statute book, never printed in a letter unasked.
 */
const PROVISIONS: Record<string, string> = {
  AT: 'Urheberrechtsgesetz §§ 15, 18a',
  BE: 'Code de droit économique / Wetboek van economisch recht art. XI.165',
  DE: 'Urheberrechtsgesetz (UrhG) §§ 16, 19a',
  DK: 'Ophavsretsloven § 2',
  ES: 'Texto Refundido de la Ley de Propiedad Intelectual arts 18, 20',
  FI: 'Tekijänoikeuslaki 2 §',
  FR: 'Code de la propriété intellectuelle arts L122-1, L122-4',
  IE: 'Copyright and Related Rights Act 2000 ss. 37, 39, 40',
  IT: 'Legge 22 aprile 1941 n. 633 arts 13, 16',
  NL: 'Auteurswet arts 1, 12, 13',
  PL: 'Ustawa o prawie autorskim i prawach pokrewnych art. 17, art. 50',
  PT: 'Código do Direito de Autor e dos Direitos Conexos arts 67, 68',
  SE: 'Upphovsrättslagen (1960:729) 2 §',
};

const NAMES: Record<string, string> = {
  AT: 'Austria',
  BE: 'Belgium',
  BG: 'Bulgaria',
  HR: 'Croatia',
  CY: 'Cyprus',
  CZ: 'Czechia',
  DK: 'Denmark',
  EE: 'Estonia',
  FI: 'Finland',
  FR: 'France',
  DE: 'Germany',
  GR: 'Greece',
  EL: 'Greece',
  HU: 'Hungary',
  IE: 'Ireland',
  IT: 'Italy',
  LV: 'Latvia',
  LT: 'Lithuania',
  LU: 'Luxembourg',
  MT: 'Malta',
  NL: 'the Netherlands',
  PL: 'Poland',
  PT: 'Portugal',
  RO: 'Romania',
  SK: 'Slovakia',
  SI: 'Slovenia',
  ES: 'Spain',
  SE: 'Sweden',
};

const NAMES_ZH: Record<string, string> = {
  AT: '奥地利',
  BE: '比利时',
  BG: '保加利亚',
  HR: '克罗地亚',
  CY: '塞浦路斯',
  CZ: '捷克',
  DK: '丹麦',
  EE: '爱沙尼亚',
  FI: '芬兰',
  FR: '法国',
  DE: '德国',
  GR: '希腊',
  EL: '希腊',
  HU: '匈牙利',
  IE: '爱尔兰',
  IT: '意大利',
  LV: '拉脱维亚',
  LT: '立陶宛',
  LU: '卢森堡',
  MT: '马耳他',
  NL: '荷兰',
  PL: '波兰',
  PT: '葡萄牙',
  RO: '罗马尼亚',
  SK: '斯洛伐克',
  SI: '斯洛文尼亚',
  ES: '西班牙',
  SE: '瑞典',
};

/** The member state's English name, or undefined outside the EU. */
export const memberStateName = (cc: string): string | undefined => NAMES[cc.toUpperCase()];
/** The member state's Chinese name, or undefined outside the EU. */
export const memberStateNameZh = (cc: string): string | undefined => NAMES_ZH[cc.toUpperCase()];

/** The checklist prompt for the national provision infringed, naming the member state's statute where known. */
export function nationalProvisionPrompt(cc: string): Localised {
  const ms = memberStateName(cc);
  const p = PROVISIONS[cc.toUpperCase()];
  const where = ms ? ` of ${ms}` : '';
  const en = p
    ? `Name the provision of the copyright law${where} that the copy infringes, e.g. ${p} (check it), in eu.nationalProvision; otherwise the letter cites Directive 2001/29/EC arts 2 and 3 as implemented in that law.`
    : `Name the provision of the national copyright law${where} that the copy infringes in eu.nationalProvision; otherwise the letter cites Directive 2001/29/EC arts 2 and 3 as implemented in national law.`;
  const zh = p
    ? `请在 eu.nationalProvision 中写明被侵犯的${NAMES_ZH[cc.toUpperCase()] ?? '成员国'}著作权法条款，例如 ${p}（请核对）；否则通知将援引经成员国法律转化的第2001/29/EC号指令第2条、第3条。`
    : '请在 eu.nationalProvision 中写明被侵犯的成员国著作权法条款；否则通知将援引经成员国法律转化的第2001/29/EC号指令第2条、第3条。';
  return { en, zh };
}
