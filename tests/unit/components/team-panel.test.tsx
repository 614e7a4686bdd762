// @vitest-environment happy-dom
/**
 * Issue 19's options panel and the notice page's team card, clicked and read in both languages: joining, the last
 * sync and the waiting outbox, an unreachable server, a refusal with the server's reason, a viewer's note, and a
 * colleague's notice with its analysts and evidence files.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamPanel } from '../../../components/options/TeamPanel';
import { TeamStatus } from '../../../components/notice/TeamStatus';
import { AppError } from '../../../lib/errors';
import { TeamSettingsSchema, TeamSyncStateSchema, type TeamNoticeRow } from '../../../lib/model/team';
import en from '../../../public/_locales/en/messages.json';
import zh from '../../../public/_locales/zh_CN/messages.json';
import { mount, translator } from '../../helpers/dom';

let mounted: Awaited<ReturnType<typeof mount>> | null = null;
afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
});

const joined = (role: 'analyst' | 'viewer' = 'analyst') =>
  TeamSettingsSchema.parse({
    enabled: true,
    url: 'http://127.0.0.1:8787',
    user: { id: 2, name: 'Ada', role },
    joinedAt: '2026-12-02T10:00:00.000Z',
  });
const lastRun = (over: Partial<NonNullable<ReturnType<typeof TeamSyncStateSchema.parse>['lastRun']>> = {}) =>
  TeamSyncStateSchema.parse({
    cursor: 4,
    lastRun: { at: '2026-12-02T10:05:00.000Z', pushed: 2, pulled: 3, refused: 0, waiting: 0, offline: false, ...over },
  });
const row = (over: Partial<TeamNoticeRow> = {}): TeamNoticeRow => ({
  noticeId: 'n1',
  origin: 'team',
  serverHead: 'h2',
  version: 3,
  change: 9,
  createdBy: 'Bob',
  updatedBy: 'Cy',
  syncedAt: '2026-12-02T10:05:00.000Z',
  refused: null,
  evidence: [{ id: 'e1', sha256: 'a'.repeat(64), filename: 'screenshot-aaaa.png', mime: 'image/png', size: 7 }],
  ...over,
});

function panel(props: Partial<Parameters<typeof TeamPanel>[0]> = {}, locale = en) {
  const calls = {
    onJoin: vi.fn(async () => {}),
    onLeave: vi.fn(async () => {}),
    onSync: vi.fn(async () => {}),
    onPullCatalog: vi.fn(async () => ({ added: 2, replaced: 1, sameTitle: 1, letterhead: true })),
    onShareCatalog: vi.fn(async () => ({ works: 3, letterhead: false })),
  };
  const ui = mount(
    <TeamPanel team={null} sync={null} ready="not_joined" refused={[]} {...calls} {...props} />,
    translator(locale),
  );
  return { calls, ui };
}

describe('options: team panel', () => {
  it('joins in one click, and a backend that is not a team server says what to do', async () => {
    const { calls, ui } = panel({
      onJoin: vi.fn(async () => {
        throw new AppError('not_configured', 'This backend is not a team server.');
      }),
    });
    mounted = await ui;
    expect(mounted.text()).toContain(en.teamIntro.message);
    await mounted.click(mounted.button(en.teamJoin.message));
    expect(mounted.find('[data-testid="error"]').getAttribute('data-kind')).toBe('not_configured');
    expect(mounted.text()).toContain('not a team server');
    expect(calls.onSync).not.toHaveBeenCalled();
  });

  it('shows who is signed in, the last sync and what waits; Sync now runs a round', async () => {
    const { calls, ui } = panel({ team: joined(), sync: lastRun({ waiting: 1 }), ready: 'ok' });
    mounted = await ui;
    expect(mounted.find('[data-testid="team-user"]').textContent).toContain('Signed in to the team as Ada (analyst).');
    const last = mounted.find('[data-testid="team-last-sync"]');
    expect(last.textContent).toMatch(/2 pushed, 3 received\. 1 sent notices wait to be pushed\./);
    expect(last.getAttribute('data-offline')).toBe('false');
    await mounted.click(mounted.button(en.teamSyncNow.message));
    expect(calls.onSync).toHaveBeenCalledTimes(1);
    await mounted.click(mounted.button(en.teamLeave.message));
    expect(calls.onLeave).toHaveBeenCalledTimes(1);
  });

  it('in Chinese: an unreachable server, a refused notice with its reason, and a viewer’s note', async () => {
    const refused = row({
      origin: 'local',
      refused: { at: '2026-12-02T10:05:00.000Z', head: 'h2', kind: 'forbidden', message: 'needs the analyst role' },
    });
    mounted = await panel(
      { team: joined('viewer'), sync: lastRun({ offline: true, waiting: 3 }), ready: 'ok', refused: [refused] },
      zh,
    ).ui;
    expect(mounted.text()).toContain('已以 Ada（只读成员）身份加入团队。');
    expect(mounted.text()).toContain(zh.teamViewerNote.message);
    expect(mounted.text()).toContain(zh.teamOffline.message);
    expect(mounted.text()).toContain('3 份已发送的通知等待推送。');
    const item = mounted.find('[data-testid="team-refused"] li');
    expect(item.querySelector('[data-kind="forbidden"]')?.textContent).toContain('needs the analyst role');
  });

  it('shows a round in progress, but not one a stopped worker left behind', async () => {
    const at = '2026-12-02T10:05:00.000Z';
    const sync = { ...lastRun(), running: { at, pushed: 40, pending: 120, pulled: 300 } };
    const { ui } = panel({ team: joined(), sync, ready: 'ok', now: () => Date.parse(at) + 1000 });
    mounted = await ui;
    expect(mounted.find('[data-testid="team-running"]').textContent).toContain(
      'Syncing: 40 of 120 waiting notices pushed, 300 received so far…',
    );
    expect(mounted.find<HTMLProgressElement>('progress').value).toBe(40);
    await mounted.unmount();
    mounted = await panel({ team: joined(), sync, ready: 'ok', now: () => Date.parse(at) + 3 * 60_000 }).ui;
    expect(mounted.text()).not.toContain('Syncing:');
  });

  it('pauses sync when the backend URL changed, offering to join again', async () => {
    const { calls, ui } = panel({ team: joined(), sync: lastRun(), ready: 'backend_changed' });
    mounted = await ui;
    expect(mounted.text()).toContain(en.teamBackendChanged.message);
    expect(mounted.button(en.teamSyncNow.message).disabled).toBe(true);
    await mounted.click(mounted.button(en.teamJoin.message));
    expect(calls.onJoin).toHaveBeenCalledTimes(1);
  });
});

describe('options: the team’s works and letterhead', () => {
  it('uses the team’s catalog or shares this browser’s, saying what changed', async () => {
    const { calls, ui } = panel({ team: joined(), sync: lastRun(), ready: 'ok' });
    mounted = await ui;
    await mounted.click(mounted.button(en.teamCatalogPull.message));
    expect(calls.onPullCatalog).toHaveBeenCalledTimes(1);
    expect(mounted.find('[data-testid="team-catalog-done"]').textContent).toBe(
      'From the team: 2 works added, 1 updated. 1 works with a title you already have were left out. The team’s letterhead now replaces yours.',
    );
    await mounted.click(mounted.button(en.teamCatalogShare.message));
    expect(mounted.find('[data-testid="team-catalog-done"]').textContent).toBe('Shared with the team: 3 works.');
  });

  it('a viewer may use the team’s catalog but not share; a stale share says to reload', async () => {
    const { calls, ui } = panel({ team: joined('viewer'), sync: lastRun(), ready: 'ok' }, zh);
    mounted = await ui;
    expect(mounted.button(zh.teamCatalogShare.message).disabled).toBe(true);
    expect(mounted.button(zh.teamCatalogPull.message).disabled).toBe(false);
    await mounted.unmount();
    const conflict = panel({
      team: joined(),
      sync: lastRun(),
      ready: 'ok',
      onShareCatalog: vi.fn(async () => {
        throw new AppError('conflict', 'It changed on the team server first (version 4)');
      }),
    });
    mounted = await conflict.ui;
    await mounted.click(mounted.button(en.teamCatalogShare.message));
    expect(mounted.find('[data-testid="error"]').getAttribute('data-kind')).toBe('conflict');
    expect(calls.onShareCatalog).not.toHaveBeenCalled();
  });
});

describe('notice page: team card', () => {
  it('names a colleague’s analysts and fetches their evidence by hash', async () => {
    const onDownload = vi.fn(async () => {});
    let finish!: () => void;
    const onCopy = vi.fn(
      (progress: (done: number, total: number) => void) =>
        new Promise<void>((resolve) => {
          progress(1, 3);
          finish = resolve;
        }),
    );
    mounted = await mount(
      <TeamStatus row={row()} head="h2" sent onDownload={onDownload} missing={3} onCopy={onCopy} />,
      translator(en),
    );
    expect(mounted.find('[data-testid="team-notice-by"]').textContent).toBe(
      'Team notice: created by Bob, last updated by Cy.',
    );
    expect(mounted.find('[data-testid="team-status"]').getAttribute('data-pushed')).toBe('true');
    await mounted.click(mounted.button('screenshot-aaaa.png'));
    expect(onDownload).toHaveBeenCalledWith(row().evidence[0]);
    // Copying the files into this browser shows its progress, then the button is free again.
    await mounted.click(mounted.button('Copy the team’s evidence into this browser (3 files)'));
    expect(mounted.find('[data-testid="team-copy-evidence"]').textContent).toBe('Copying… 1 of 3');
    await act(async () => finish());
    expect(mounted.find<HTMLButtonElement>('[data-testid="team-copy-evidence"]').disabled).toBe(false);
  });

  it('says when our own notice waits, and when the server refused it at this head', async () => {
    const ours = (over: Partial<TeamNoticeRow>, locale: typeof en) =>
      mount(
        <TeamStatus
          row={row({ origin: 'local', ...over })}
          head="h2"
          sent
          onDownload={vi.fn()}
          missing={0}
          onCopy={vi.fn()}
        />,
        translator(locale),
      );
    mounted = await ours({ serverHead: 'h1' }, zh);
    expect(mounted.text()).toContain(zh.teamNoticeWaiting.message);
    await mounted.unmount();
    const refused = { at: '2026-12-02T10:05:00.000Z', head: 'h2', kind: 'read_only' as const, message: 'frozen' };
    mounted = await ours({ refused }, en);
    expect(mounted.text()).toContain(en.teamNoticeRefused.message);
    expect(mounted.find('[data-kind="read_only"]').textContent).toContain('frozen');
  });
});
