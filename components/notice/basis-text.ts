import type { MessageKey, Translate } from '../../lib/i18n';
import type { BasisRef } from '../../lib/tracking/deadlines';

/**
 * A follow-up or counter-notice basis in the UI language. The English sentence recorded in the history stays the
 * evidence (shown in the title); a basis this version cannot word falls back to it.
 */
export function basisText(basis: { text: string; ref: BasisRef | null }, t: Translate): string {
  const { ref } = basis;
  if (!ref) return basis.text;
  const key =
    ref.kind === 'provider'
      ? 'basis_provider'
      : ref.kind === 'regime'
        ? `basis_regime_${ref.regime.replace('-', '_')}`
        : `basis_counter_${ref.law.replace(/-/g, '_')}`;
  const subs = ref.kind === 'provider' ? [ref.who, String(ref.hours)] : undefined;
  return t(key as MessageKey, subs) || basis.text;
}
