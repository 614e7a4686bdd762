import { useT } from '../../components/i18n';
import { MailStatus } from '../../components/options/MailStatus';
import { useMailStatus } from '../../components/use-mail-status';
import { useSetting } from '../../lib/db/services';

/** Options → Backend → Mail: the backend's mail status and this browser's last reply poll (issue 18). */
export function MailStatusSection() {
  const t = useT();
  // Saving another backend URL above reads its mail status again.
  const backend = useSetting('backend')?.value;
  const { status, error, refresh } = useMailStatus(backend ? `${backend.url} ${backend.token}` : '');
  const cursor = useSetting('mailCursor')?.value ?? null;
  return (
    <section className="card">
      <h3>{t('mailStatusTitle')}</h3>
      <MailStatus status={status} error={error} cursor={cursor} onRefresh={refresh} />
    </section>
  );
}
