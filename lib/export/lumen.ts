import type { Notice, RegimeId } from '../model/notice';
import type { Work } from '../model/work';

/**
 * A notice in the shape of Lumen's notice submission (docs/lumen-export.md §1; berkmancenter/lumendatabase
 * app/models/dmca.rb, entity_notice_role.rb). Export files only: API submission needs a token
 * issued by Lumen staff.
 */
export interface LumenEntity {
  name: string;
  kind?: 'individual' | 'organization';
  country_code?: string;
}
export interface LumenNotice {
  notice: {
    type: 'DMCA' | 'Other';
    title: string;
    subject: string;
    body?: string;
    date_sent: string | null;
    date_received: string | null;
    language: string;
    jurisdiction_list: string[];
    action_taken: 'Yes' | 'No' | 'Partial' | 'Unspecified';
    works: {
      kind: string;
      description: string;
      copyrighted_urls: { url: string }[];
      infringing_urls: { url: string }[];
    }[];
    entity_notice_roles: {
      name: 'principal' | 'agent' | 'sender' | 'recipient' | 'submitter' | 'target';
      entity: LumenEntity;
    }[];
    /** The notice this one corrects or escalates from, by our id. */
    related_notice_ids?: string[];
  };
}

export interface LumenOptions {
  /** Rights owner; the works' owner is used when absent. */
  principal?: LumenEntity;
  /** The company or agent that sent the notice. */
  sender?: LumenEntity;
  works?: readonly Work[];
  /** The letter carries the sender's address and phone: include it only when the user agreed to publish it. */
  includeBody?: boolean;
  /** When the recipient acknowledged, if known (ISO). */
  dateReceived?: string | null;
}

const JURISDICTION: Record<RegimeId, string[]> = {
  'us-dmca': ['US'],
  cn: ['CN'],
  'eu-dsa': ['EU'],
  uk: ['GB'],
  'ca-notice': ['CA'],
  jp: ['JP'],
  kr: ['KR'],
  au: ['AU'],
  in: ['IN'],
  generic: [],
};

function actionTaken(status: Notice['status']): LumenNotice['notice']['action_taken'] {
  if (status === 'removed') return 'Yes';
  if (status === 'partially_removed') return 'Partial';
  if (status === 'rejected') return 'No';
  return 'Unspecified';
}

const dateOnly = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : null);

export function toLumen(n: Notice, opts: LumenOptions = {}): LumenNotice {
  const works = (opts.works ?? []).filter((w) => n.workIds.includes(w.id));
  const described = works.length
    ? works.map((w) => ({
        kind: 'Unspecified',
        description: w.title,
        copyrighted_urls: w.originalUrl ? [{ url: w.originalUrl }] : [],
        infringing_urls: n.urls.map((url) => ({ url })),
      }))
    : [
        {
          kind: 'Unspecified',
          description: n.workTitles.join('; ') || n.pageTitle,
          copyrighted_urls: [],
          infringing_urls: n.urls.map((url) => ({ url })),
        },
      ];
  const recipient = n.sent?.recipient ?? n.recipient;
  const principal = opts.principal ?? (works[0]?.owner ? { name: works[0].owner } : undefined);
  const roles: LumenNotice['notice']['entity_notice_roles'] = [];
  if (principal) roles.push({ name: 'principal', entity: principal });
  if (opts.sender) roles.push({ name: 'sender', entity: opts.sender });
  if (recipient)
    roles.push({
      name: 'recipient',
      entity: {
        name: recipient.name,
        kind: 'organization',
        ...(recipient.country ? { country_code: recipient.country } : {}),
      },
    });
  roles.push({ name: 'target', entity: { name: n.host } });
  const related = [n.supersedes, n.escalatedFrom].filter((x): x is string => !!x);
  return {
    notice: {
      type: n.regime === 'us-dmca' ? 'DMCA' : 'Other',
      title: `Takedown notice to ${recipient?.name ?? n.recipientName ?? n.host}`,
      subject: `Copyright infringement: ${n.workTitles.join('; ') || n.pageTitle || n.host}`,
      ...(opts.includeBody && n.sent ? { body: n.sent.text } : {}),
      date_sent: dateOnly(n.sentAt),
      date_received: dateOnly(opts.dateReceived),
      language: n.lang === 'zh' ? 'zh' : 'en',
      jurisdiction_list: JURISDICTION[n.regime],
      action_taken: actionTaken(n.status),
      works: described,
      entity_notice_roles: roles,
      ...(related.length ? { related_notice_ids: related } : {}),
    },
  };
}
