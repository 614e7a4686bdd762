import type { FailingAddress } from '../../lib/model/mail';
import { useT } from '../i18n';

/** A recipient address that bounced before: said beside it, with when, so the user picks the form or upstream. */
export function FailingAddresses({ failing }: { failing: readonly FailingAddress[] }) {
  const t = useT();
  if (failing.length === 0) return null;
  return (
    <p className="banner banner--warn" data-testid="address-failing">
      {t('addressFailing', failing.map((f) => `${f.address} (${f.at.slice(0, 10)})`).join(', '))}
    </p>
  );
}
