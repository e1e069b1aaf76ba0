// E-mail for notifications over real HTTP, a real database and a local SMTP server: a return for revision
// reaches the county's inbox and its users' mailboxes (not those who opted out), delivery retries after a
// temporary SMTP failure, a demo installation without SMTP captures mail, and the preferences API.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { createMailer, deliverOutbox } from '../../platform/mail.ts';
import { rows } from '../../platform/sql.ts';
import {
  call,
  login,
  openCampaign,
  type Session,
  startTestApp,
  type TestApp,
} from '../../test-support/app.ts';
import { submitComplete } from '../../test-support/declarations.ts';

const YEAR = 2096;

type Received = { to: string[]; subject: string; text: string };

/** Decodes the headers and text part nodemailer writes (encoded words; base64 or quoted-printable). */
function parseMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = (/^subject: (.*)$/im.exec(headers)?.[1] ?? '').replace(
    /=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi,
    (_m, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
  );
  const body = rest.join('\n\n');
  const encoding = /^content-transfer-encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject, text };
}

/** A local SMTP server; `failNext` answers the next messages with the given reply code. */
async function startSmtp() {
  const received: Received[] = [];
  const state = { failNext: [] as number[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = state.failNext.shift();
        if (code) {
          return callback(Object.assign(new Error(`Simulated failure ${code}`), { responseCode: code }));
        }
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let yuyao: Session; // county 余姚市, e-mail on
let yuyao2: Session; // a second 余姚 account that turned "return" e-mails off
let ningbo: Session; // the unit 宁波市
let admin: Session;

const deliver = (backoffSeconds = 0) =>
  deliverOutbox(t.database.db, createMailer(t.config), { publicUrl: t.config.publicUrl, backoffSeconds });

before(async () => {
  smtp = await startSmtp();
  t = await startTestApp({ mail: { smtpUrl: smtp.url, from: 'Jiqun <jiqun@example.test>' } });
  const ministry = await login(t.url, 'ministry');
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', openCampaign(YEAR))).status, 201);
  admin = await login(t.url, 'admin');
  for (const [username, email] of [
    ['yuyao-mail-2', 'li.si@yuyao.example'],
    ['yuyao-mail-3', undefined],
  ] as const) {
    const created = await call(t.url, admin, 'POST', '/api/v1/users', {
      username,
      displayName: `余姚市经信局 ${username}`,
      role: 'county',
      divisionCode: '330281',
      password: 'Mail-staff-2096',
      ...(email ? { email } : {}),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  }
  [yuyao, yuyao2, ningbo] = await Promise.all([
    login(t.url, 'county-330281'),
    login(t.url, 'yuyao-mail-2', 'Mail-staff-2096'),
    login(t.url, 'unit-330200'),
  ]);
});

after(async () => {
  await t?.close();
  await smtp?.close();
});

describe('notification preferences', () => {
  it('start with no address and every kind on', async () => {
    const r = await call(t.url, yuyao, 'GET', '/api/v1/me/notification-preferences');
    assert.equal(r.status, 200);
    assert.equal(r.body.email, null);
    assert.equal(r.body.kinds.return, true);
    assert.ok(Object.values(r.body.kinds).every((v) => v === true));
  });

  it('set the own address and turn kinds off (the others stay as they were)', async () => {
    const r = await call(t.url, yuyao, 'PUT', '/api/v1/me/notification-preferences', {
      email: 'zhang.san@yuyao.example',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.email, 'zhang.san@yuyao.example');
    const off = await call(t.url, yuyao2, 'PUT', '/api/v1/me/notification-preferences', {
      kinds: { return: false, accept: false },
    });
    assert.equal(off.status, 200);
    assert.equal(off.body.email, 'li.si@yuyao.example');
    assert.equal(off.body.kinds.return, false);
    assert.equal(off.body.kinds.reject, true);
    const on = await call(t.url, yuyao2, 'PUT', '/api/v1/me/notification-preferences', {
      kinds: { accept: true },
    });
    assert.equal(on.body.kinds.return, false, 'unchanged when not sent');
    assert.equal(on.body.kinds.accept, true);
    const unit = await call(t.url, ningbo, 'PUT', '/api/v1/me/notification-preferences', {
      email: 'review@ningbo.example',
    });
    assert.equal(unit.status, 200);
  });

  it('refuse a malformed address, an unknown kind, a non-boolean and unknown fields', async () => {
    for (const body of [
      { email: 'not an address' },
      { email: 'a@b' },
      { email: `${'x'.repeat(250)}@example.com` },
      { kinds: { nonsense: true } },
      { kinds: { return: 'no' } },
      { emails: 'x@example.com' },
    ]) {
      const r = await call(t.url, yuyao, 'PUT', '/api/v1/me/notification-preferences', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.body.error.code, 'VALIDATION_FAILED');
    }
    const still = await call(t.url, yuyao, 'GET', '/api/v1/me/notification-preferences');
    assert.equal(still.body.email, 'zhang.san@yuyao.example');
  });

  it('need a session (and the CSRF token to change)', async () => {
    assert.equal((await call(t.url, null, 'GET', '/api/v1/me/notification-preferences')).status, 401);
    const noCsrf = await call(
      t.url,
      yuyao,
      'PUT',
      '/api/v1/me/notification-preferences',
      { email: null },
      { 'x-csrf-token': 'wrong' },
    );
    assert.equal(noCsrf.status, 403);
  });
});

describe('a return for revision', () => {
  let id: string;

  it('reaches the unit by e-mail when submitted', async () => {
    id = await submitComplete(t.url, yuyao, YEAR);
    assert.deepEqual(await deliver(), { sent: 1, captured: 0, skipped: 0, retry: 0, failed: 0 });
    const mail = smtp.received.find((m) => m.to.includes('review@ningbo.example'));
    assert.ok(mail, 'the unit got the new submission');
    assert.match(mail.subject, /新的申报待审核/);
    assert.ok(mail.text.includes(`http://localhost:3000/review/${id}`), mail.text);
  });

  it('puts an inbox item with the reasons in front of the county and e-mails its users who want it', async () => {
    smtp.received.length = 0;
    const reasons = '主导产业营业收入数据缺少统计部门证明，请补充。';
    const r = await call(t.url, ningbo, 'POST', `/api/v1/declarations/${id}/actions/return`, {
      comment: reasons,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));

    const inbox = await call(t.url, yuyao, 'GET', '/api/v1/notifications');
    const item = inbox.body.items.find((n: { kind: string }) => n.kind === 'return');
    assert.ok(item, 'inbox item');
    assert.ok(item.body.includes(reasons));
    assert.equal(item.link, `/declarations/${id}`);
    assert.ok(inbox.body.unread >= 1);
    // The second account sees the same county inbox item, though it opted out of the e-mail.
    const inbox2 = await call(t.url, yuyao2, 'GET', '/api/v1/notifications');
    assert.ok(inbox2.body.items.some((n: { kind: string }) => n.kind === 'return'));

    // Nothing is sent inside the request: the outbox holds one mail per addressed user with an address.
    assert.equal(smtp.received.length, 0);
    const queued = await rows<{ to: string; status: string }>(
      t.database.db,
      sql`SELECT to_address AS to, status FROM mail_outbox WHERE kind = 'return'`,
    );
    assert.deepEqual(queued, [{ to: 'zhang.san@yuyao.example', status: 'queued' }]);

    assert.equal((await deliver()).sent, 1);
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0]!;
    assert.deepEqual(mail.to, ['zhang.san@yuyao.example']);
    assert.match(mail.subject, /被退回修改/);
    assert.ok(mail.text.includes(reasons), mail.text);
    assert.ok(mail.text.includes(`http://localhost:3000/declarations/${id}`));
    assert.match(mail.text, /returned for revision/);
    assert.ok(!smtp.received.some((m) => m.to.includes('li.si@yuyao.example')), 'opted out');
    assert.equal((await deliver()).sent, 0, 'sent once');
  });

  it('is listed in the outbox for administrators only', async () => {
    const list = await call(t.url, admin, 'GET', '/api/v1/ops/mail?status=sent');
    assert.equal(list.status, 200);
    assert.equal(list.body.mode, 'smtp');
    const mail = list.body.items.find((m: { kind: string }) => m.kind === 'return');
    assert.equal(mail.to, 'zhang.san@yuyao.example');
    const one = await call(t.url, admin, 'GET', `/api/v1/ops/mail/${mail.id}`);
    assert.equal(one.status, 200);
    assert.ok(one.body.text.includes('查看详情'));
    assert.equal(
      (await call(t.url, admin, 'GET', '/api/v1/ops/mail/00000000-0000-4000-8000-000000000000')).status,
      404,
    );
    assert.equal((await call(t.url, yuyao, 'GET', '/api/v1/ops/mail')).status, 403);
    assert.equal((await call(t.url, yuyao, 'GET', `/api/v1/ops/mail/${mail.id}`)).status, 403);
    assert.equal((await call(t.url, null, 'GET', '/api/v1/ops/mail')).status, 401);
  });
});

describe('delivery', () => {
  it('retries after a temporary SMTP failure, and gives up on a permanent one', async () => {
    smtp.received.length = 0;
    const id = await submitComplete(t.url, yuyao, YEAR, undefined);
    // The submit mail to the unit: the server answers 451 (try later), then accepts.
    smtp.state.failNext.push(451);
    assert.deepEqual(await deliver(3600), { sent: 0, captured: 0, skipped: 0, retry: 1, failed: 0 });
    const [waiting] = await rows<{ status: string; attempts: number; error: string; later: boolean }>(
      t.database.db,
      sql`SELECT status, attempts, last_error AS error, next_attempt_at > now() + interval '59 minutes' AS later
          FROM mail_outbox WHERE body LIKE ${`%${YEAR}%`} AND kind = 'submit' ORDER BY created_at DESC LIMIT 1`,
    );
    assert.equal(waiting?.status, 'queued');
    assert.equal(waiting?.attempts, 1);
    assert.match(waiting?.error ?? '', /451/);
    assert.equal(waiting?.later, true, 'backoff');
    assert.equal((await deliver()).sent, 0, 'not before its time');
    await t.database.db.execute(
      sql`UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'queued' AND kind = 'submit'`,
    );
    assert.equal((await deliver()).sent, 1);
    assert.equal(smtp.received.length, 1);

    // A 550 (no such mailbox) is final: no retry.
    const r = await call(t.url, ningbo, 'POST', `/api/v1/declarations/${id}/actions/reject`, {
      comment: '不符合申报条件',
    });
    assert.equal(r.status, 200);
    // Two county accounts want rejections; the first mail meets the 550.
    smtp.state.failNext.push(550);
    assert.deepEqual(await deliver(), { sent: 1, captured: 0, skipped: 0, retry: 0, failed: 1 });
    const failed = await call(t.url, admin, 'GET', '/api/v1/ops/mail?status=failed');
    assert.equal(failed.body.items[0].kind, 'reject');
    assert.match(failed.body.items[0].lastError, /550/);
  });

  it('in a demo installation without SMTP, captures the mail for reading in the UI', async () => {
    const id = await submitComplete(t.url, yuyao, YEAR);
    const r = await call(t.url, ningbo, 'POST', `/api/v1/declarations/${id}/actions/accept`, {});
    assert.equal(r.status, 200);
    const demoMailer = createMailer({ demo: true, mail: { smtpUrl: undefined, from: 'x@example.test' } });
    const report = await deliverOutbox(t.database.db, demoMailer, { publicUrl: 'http://demo.example' });
    // The submit mail to the unit; the accept mail to both county accounts (the second turned it back on).
    assert.equal(report.captured, 3);
    const list = await call(t.url, admin, 'GET', '/api/v1/ops/mail?status=captured');
    const accepts = list.body.items.filter((m: { kind: string }) => m.kind === 'accept');
    assert.deepEqual(accepts.map((m: { to: string }) => m.to).sort(), [
      'li.si@yuyao.example',
      'zhang.san@yuyao.example',
    ]);
    const accept = accepts[0];
    const one = await call(t.url, admin, 'GET', `/api/v1/ops/mail/${accept.id}`);
    assert.match(one.body.subject, /已受理/);
    assert.ok(one.body.text.includes(`/declarations/${id}`));
  });

  it('without SMTP outside demo mode, records the mail as not sent', async () => {
    const id = await submitComplete(t.url, yuyao, YEAR);
    const none = createMailer({ demo: false, mail: { smtpUrl: undefined, from: 'x@example.test' } });
    const warnings: string[] = [];
    const log = { warn: (_o: object, msg?: string) => warnings.push(msg ?? ''), error: () => {} };
    const report = await deliverOutbox(t.database.db, none, { publicUrl: 'http://x', log });
    assert.equal(report.skipped, 1);
    assert.match(warnings.join('\n'), /no SMTP server is configured/);
    const [m] = await rows<{ status: string; error: string }>(
      t.database.db,
      sql`SELECT status, last_error AS error FROM mail_outbox WHERE body LIKE ${`%${id}%`} OR link LIKE ${`%${id}%`}`,
    );
    assert.equal(m?.status, 'skipped');
    assert.match(m?.error ?? '', /JIQUN_SMTP_URL/);
  });

  it('shows queue depth and mail counters in /metrics', async () => {
    const m = await call(t.url, null, 'GET', '/metrics');
    assert.equal(m.status, 200);
    assert.match(m.body, /jiqun_queue_depth\{queue="mail_outbox"\} \d+/);
    assert.match(m.body, /jiqun_queue_depth\{queue="jobs_pending"\} \d+/);
    assert.match(m.body, /jiqun_mails_sent_total\{mode="smtp"\} [1-9]/);
    assert.match(m.body, /jiqun_mails_failed_total\{final="true"\} [1-9]/);
    assert.match(m.body, /jiqun_http_requests_total/);
  });
});
