import type { NoticeEvent } from '../../lib/model/notice';
import { describeDetails, eventKindKey, type DetailView } from '../../lib/tracking/event-labels';
import { useT, type MessageKey } from '../i18n';
import { when } from './NoticeSummary';

/**
 * The notice's append-only log, oldest first, with details as plain text. Labels are localised;
 * the recorded kind, keys, values and UTC time stay in title attributes, since the log is evidence. Rows that came
 * from an import say so, so nobody mistakes an exporter's record for one made in this browser.
 */
export function Timeline({
  events,
  by = {},
  me = null,
}: {
  events: readonly NoticeEvent[];
  /** Team notices (issue 19): event id → the analyst whose browser recorded it, as the team server says. */
  by?: Readonly<Record<string, string>>;
  /** This browser's analyst name in the team: their own events still read "you". */
  me?: string | null;
}) {
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
        {events.map((e) => {
          const kindKey = eventKindKey(e.kind);
          const details = describeDetails(e.details, t, when);
          const technical = details.filter((l) => !l.known);
          return (
            <tr key={e.id} data-testid="timeline-event" data-kind={e.kind}>
              <td>
                <time dateTime={e.at} title={e.at}>
                  {when(e.at)}
                </time>{' '}
                {e.imported && (
                  <span
                    className="badge badge--muted"
                    data-testid="event-imported"
                    title={t('eventImportedTitle', [
                      when(e.imported.at),
                      when(e.imported.exportedAt),
                      e.imported.fileSha256,
                    ])}
                  >
                    {t('eventImported')}
                  </span>
                )}
              </td>
              <td title={e.kind}>{(kindKey && t(kindKey)) || e.kind}</td>
              <td title={e.actor} data-testid="event-actor">
                {e.actor === 'user' && by[e.id] && by[e.id] !== me
                  ? by[e.id]
                  : t(`actor_${e.actor}` as MessageKey) || e.actor}
              </td>
              <td>
                <DetailList lines={details.filter((l) => l.known)} />
                {technical.length > 0 && (
                  <details data-testid="event-technical">
                    <summary className="muted">{t('eventTechnical', String(technical.length))}</summary>
                    <DetailList lines={technical} />
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function DetailList({ lines }: { lines: readonly DetailView[] }) {
  return (
    <ul className="plain-list">
      {lines.map((l) => (
        <li key={l.key} data-key={l.key}>
          <span className="muted" title={l.key}>
            {l.label}:
          </span>{' '}
          <span className="detail-value" title={l.value !== l.raw ? l.raw : undefined}>
            {l.value}
          </span>
        </li>
      ))}
    </ul>
  );
}
