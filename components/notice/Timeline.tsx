import type { NoticeEvent } from '../../lib/model/notice';
import { detailLines } from '../../lib/tracking/event-details';
import { useT, type MessageKey } from '../i18n';
import { when } from './NoticeSummary';

/** The notice's append-only log, oldest first, with details as plain text. */
export function Timeline({ events }: { events: readonly NoticeEvent[] }) {
  const t = useT();
  return (
    <table className="hashes timeline" data-testid="timeline">
      <thead>
        <tr>
          <th>{t('eventTime')}</th>
          <th>{t('eventKind')}</th>
          <th>{t('eventActor')}</th>
          <th>{t('eventDetails')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-testid="timeline-event" data-kind={e.kind}>
            <td>{when(e.at)}</td>
            <td>{t(`event_${e.kind}` as MessageKey) || e.kind}</td>
            <td>{t(`actor_${e.actor}` as MessageKey)}</td>
            <td>
              <ul className="plain-list">
                {detailLines(e.details).map((l) => (
                  <li key={l.key}>
                    <span className="muted">{l.key}:</span> {l.value}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
