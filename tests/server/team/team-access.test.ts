/**
 * Who may do what on a team server beyond /v1/team: pairing is off (a team member pastes a personal token), and
 * mail goes out only for analysts and admins. A real loopback SMTP server shows what reached it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_HEADER, CLIENT_HEADER_VALUE } from '../../../lib/backend/headers';
import { CHROME_EXTENSION_ORIGIN } from '../../../lib/extension-id';
import { MailService } from '../../../lib/server/mail/mail-service';
import type { TeamServer } from '../../../lib/server/team/team-server';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../helpers/loopback-smtp';
import { PG_BIN, PG_MISSING } from '../../helpers/postgres';
import { REDIS_BIN, REDIS_MISSING } from '../../helpers/redis';
import { startTeamRig, type TeamRig } from '../../helpers/team-stack';

const ready = !!PG_BIN && !!REDIS_BIN;
if (!ready) console.warn(PG_BIN ? REDIS_MISSING : PG_MISSING);

let rig: TeamRig;
let smtp: LoopbackSmtp;
let a: TeamServer;
let b: TeamServer;
let admin: string;
let alice: string;
let viewer: string;

beforeAll(async () => {
  if (!ready) return;
  [rig, smtp] = await Promise.all([startTeamRig(), startLoopbackSmtp({ refuse: ['gone@host.example'] })]);
  const mail = () =>
    new MailService({
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, requireTls: false, timeoutMs: 2000 },
      now: () => new Date(),
    });
  [a, b] = [await rig.instance({ mail: mail() }), await rig.instance({ mail: mail() })];
  admin = (await rig.addUser('Ada Admin', 'admin')).token;
  alice = (await rig.addUser('Alice Analyst', 'analyst')).token;
  viewer = (await rig.addUser('Vera Viewer', 'viewer')).token;
}, 120_000);
afterAll(async () => {
  await smtp?.close();
  await rig?.close();
}, 60_000);

/** A frozen notice as the extension sends it (CRLF, base64 body). */
function eml(messageId: string, to = 'Host Abuse <abuse@host.example>'): string {
  const body = Buffer.from('https://pirate.example/atlas infringes our copyright.\n').toString('base64');
  return [
    'Date: Wed, 02 Dec 2026 09:00:00 +0000',
    'From: Lotus Press <rights@lotus.example>',
    `To: ${to}`,
    `Message-ID: ${messageId}`,
    'Subject: DMCA notice',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '',
  ].join('\r\n');
}

const send = (on: TeamServer, token: string, raw: string, path = '/v1/send') =>
  on.app.request(path, rig.auth(token, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw }));

async function auditEntries() {
  const res = await b.app.request('/v1/team/audit', rig.auth(admin));
  return ((await res.json()) as { entries: Array<Record<string, unknown>> }).entries;
}

describe.skipIf(!ready)('team server: pairing and sending', () => {
  test('POST /v1/pair says pairing is off and what to do instead, before any token check', async () => {
    const extension = {
      method: 'POST',
      headers: { origin: CHROME_EXTENSION_ORIGIN, [CLIENT_HEADER]: CLIENT_HEADER_VALUE },
    };
    for (const init of [extension, rig.auth(alice, extension), { method: 'POST' }]) {
      const res = await a.app.request('/v1/pair', init);
      expect(res.status).toBe(403);
      expect(res.headers.get('www-authenticate')).toBeNull();
      const body = (await res.json()) as { token?: string; error: { kind: string; message: string } };
      expect(body.token).toBeUndefined();
      expect(body.error.kind).toBe('unauthorized');
      expect(body.error.message).toMatch(/team server: pairing is off/);
      expect(body.error.message).toMatch(/cli team add-user/);
    }
    // Every other /v1 route still wants the team token.
    const other = await a.app.request('/v1/team/me', extension);
    expect(other.status).toBe(401);
  });

  test('a viewer cannot send: 403 before the mail server is touched, and the refusal is audited with the user', async () => {
    for (const path of ['/v1/send', '/v1/send/']) {
      const res = await send(a, viewer, eml('<notice.v1.k2x@lotus.example>'), path);
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { kind: string; message: string } };
      expect(body.error.kind).toBe('forbidden');
      expect(body.error.message).toMatch(/analyst role; yours is viewer\. Ask a team admin/);
    }
    expect(smtp.received).toHaveLength(0);
    const refusals = (await auditEntries()).filter((e) => e.action === 'mail.send');
    expect(refusals).toHaveLength(2);
    for (const e of refusals)
      expect(e).toMatchObject({ user: 'Vera Viewer', outcome: 'refused', detail: { role: 'viewer' } });
  });

  test('an analyst sends through the mail server and gets its answer; the send is audited with the Message-ID', async () => {
    const raw = eml('<notice.a1.k2x@lotus.example>');
    const res = await send(b, alice, raw);
    expect(res.status).toBe(200);
    const proof = (await res.json()) as { messageId: string; accepted: string[]; response: string };
    expect(proof.messageId).toBe('<notice.a1.k2x@lotus.example>');
    expect(proof.accepted).toEqual(['abuse@host.example']);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.raw.toString()).toContain('Message-ID: <notice.a1.k2x@lotus.example>');
    expect(proof.response).toContain(smtp.received[0]!.queueId);

    // The mail server's own refusal of a recipient comes back to the analyst as it is, and is in the audit entry.
    const refused = await send(a, alice, eml('<notice.a2.k2x@lotus.example>', 'gone@host.example'));
    expect(refused.status).toBe(200);
    expect(await refused.json()).toMatchObject({ accepted: [], rejected: ['gone@host.example'] });
    // A letter the backend itself will not send (no To) is refused before SMTP, and audited as refused.
    const bad = await send(a, alice, eml('<notice.a3.k2x@lotus.example>').replace(/^To: .*\r\n/m, ''));
    expect(bad.status).toBe(400);
    expect(smtp.received).toHaveLength(1);

    const sends = (await auditEntries()).filter((e) => e.action === 'mail.send' && e.user === 'Alice Analyst');
    expect(sends).toContainEqual(
      expect.objectContaining({
        target: '<notice.a1.k2x@lotus.example>',
        outcome: 'ok',
        detail: expect.objectContaining({ status: 200, accepted: ['abuse@host.example'], rejected: [] }),
      }),
    );
    expect(sends).toContainEqual(
      expect.objectContaining({
        target: '<notice.a2.k2x@lotus.example>',
        detail: expect.objectContaining({ rejected: ['gone@host.example'] }),
      }),
    );
    expect(sends).toContainEqual(
      expect.objectContaining({
        target: '/v1/send',
        outcome: 'refused',
        detail: expect.objectContaining({ status: 400, error: expect.objectContaining({ kind: 'invalid_input' }) }),
      }),
    );
  });

  test.each([
    ['POST', '/v1/team/jobs', { urls: ['https://bulk0.to/x'] }],
    ['DELETE', '/v1/team/jobs/some-job', undefined],
    ['PUT', '/v1/team/works/w1', { data: { title: 'Atlas' }, baseVersion: 0 }],
    ['PUT', '/v1/team/letterhead', { data: { name: 'Lotus Press' }, baseVersion: 0 }],
    ['POST', '/v1/team/notices', {}],
  ])('a viewer is refused %s %s with 403 forbidden, audited', async (method, path, body) => {
    const res = await a.app.request(
      path,
      rig.auth(viewer, {
        method,
        ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      }),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { kind: string } }).error.kind).toBe('forbidden');
    expect(await auditEntries()).toContainEqual(
      expect.objectContaining({ user: 'Vera Viewer', target: path, outcome: 'refused' }),
    );
  });
});
