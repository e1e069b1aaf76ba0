// Deadline reminders on a real database with the server's clock shifted: each goes out once (however often
// the daily job runs), the 7-day and the 1-day reminders of a campaign deadline, annual reports and
// re-reviews of identified clusters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/workflow.ts';
import type { Deps } from '../../platform/deps.ts';
import { JobRunner } from '../../platform/jobs.ts';
import { rows } from '../../platform/sql.ts';
import { LocalStorage } from '../../platform/storage.ts';
import {
  call,
  login,
  openCampaign,
  type Session,
  startTestApp,
  type TestApp,
} from '../../test-support/app.ts';
import { submitComplete } from '../../test-support/declarations.ts';
import { registerNotificationJobs } from './background.ts';
import { daysBetween, nextDue, reminderStep, sendReminders } from './reminders.ts';

const YEAR = 2097;
const silent = { info() {}, warn() {}, error() {} };

let t: TestApp;
let deps: Deps;
let yuyao: Session;
let ningbo: Session;

/** Moves the server's clock to the given Beijing date (whole days from the real one). */
function goTo(date: string) {
  t.clock.setOffsetDays(0);
  t.clock.setOffsetDays(daysBetween(chinaDate(t.clock.now()), date));
  assert.equal(chinaDate(t.clock.now()), date);
}

/** What the addressee's inbox holds of a kind. */
const inbox = async (s: Session, kind: string) =>
  (await call(t.url, s, 'GET', '/api/v1/notifications')).body.items.filter(
    (n: { kind: string }) => n.kind === kind,
  ) as { title: string; body: string }[];

before(async () => {
  t = await startTestApp();
  deps = {
    config: t.config,
    db: t.database.db,
    database: t.database,
    storage: new LocalStorage(t.config.uploadDir),
    clock: t.clock,
  };
  const ministry = await login(t.url, 'ministry');
  const campaign = openCampaign(YEAR, { countyDeadline: `${YEAR}-06-30`, unitDeadline: `${YEAR}-07-31` });
  assert.equal((await call(t.url, ministry, 'POST', '/api/v1/campaigns', campaign)).status, 201);
  [yuyao, ningbo] = await Promise.all([login(t.url, 'county-330281'), login(t.url, 'unit-330200')]);
  await call(t.url, yuyao, 'PUT', '/api/v1/me/notification-preferences', {
    email: 'zhang.san@yuyao.example',
  });
  // One declaration submitted and accepted (the unit must still rank it), one left as a draft.
  const accepted = await submitComplete(t.url, yuyao, YEAR);
  assert.equal(
    (await call(t.url, ningbo, 'POST', `/api/v1/declarations/${accepted}/actions/accept`, {})).status,
    200,
  );
  const draft = await call(t.url, yuyao, 'POST', '/api/v1/declarations', { campaignYear: YEAR });
  assert.equal(draft.status, 201);
});

after(async () => {
  t?.clock.setOffsetDays(0);
  await t?.close();
});

describe('reminder rules', () => {
  it('pick the nearest reminder day already reached', () => {
    assert.equal(reminderStep(10, [7, 1]), null);
    assert.equal(reminderStep(7, [7, 1]), 7);
    assert.equal(reminderStep(2, [7, 1]), 7);
    assert.equal(reminderStep(1, [7, 1]), 1);
    assert.equal(reminderStep(0, [7, 1]), 1);
    assert.equal(reminderStep(-1, [7, 1]), null);
  });

  it('find the next annual due day', () => {
    assert.equal(nextDue('2097-03-20', '03-31'), '2097-03-31');
    assert.equal(nextDue('2097-03-31', '03-31'), '2097-03-31');
    assert.equal(nextDue('2097-12-28', '01-05'), '2098-01-05');
  });
});

describe('campaign deadline reminders', () => {
  it('go to the county with a draft 7 days and 1 day before its deadline, once each', async () => {
    goTo(`${YEAR}-06-20`);
    await sendReminders(deps);
    assert.equal((await inbox(yuyao, 'deadline_reminder')).length, 0, 'too early');

    goTo(`${YEAR}-06-23`);
    await sendReminders(deps);
    await sendReminders(deps);
    let got = await inbox(yuyao, 'deadline_reminder');
    assert.equal(got.length, 1);
    assert.match(got[0]!.title, /2097年度申报将于2097-06-30截止（还有7天）/);
    assert.match(got[0]!.body, /尚有1份申报未提交/);

    goTo(`${YEAR}-06-25`);
    await sendReminders(deps);
    assert.equal((await inbox(yuyao, 'deadline_reminder')).length, 1, 'nothing between the two');

    goTo(`${YEAR}-06-29`);
    await sendReminders(deps);
    await sendReminders(deps);
    got = await inbox(yuyao, 'deadline_reminder');
    assert.equal(got.length, 2);
    assert.match(got[0]!.title, /还有1天/);

    goTo(`${YEAR}-07-01`);
    await sendReminders(deps);
    assert.equal((await inbox(yuyao, 'deadline_reminder')).length, 2, 'nothing after the deadline');

    // One e-mail per reminder to the county's account with an address.
    const mails = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'deadline_reminder' AND to_address = 'zhang.san@yuyao.example'`,
    );
    assert.equal(Number(mails[0]?.n), 2);
  });

  it('go to the unit with declarations to rank, through the daily job, once however often it runs', async () => {
    const runner = new JobRunner(t.database.db, t.clock, silent);
    registerNotificationJobs(runner, deps, silent);
    // The catch-up: the server was down until 5 days before; the 7-day reminder goes out now.
    goTo(`${YEAR}-07-26`);
    await runner.send('reminders.daily');
    await runner.send('reminders.daily');
    assert.equal(await runner.runDue(), 2);
    const got = await inbox(ningbo, 'deadline_reminder');
    assert.equal(got.length, 1);
    assert.match(got[0]!.title, /2097年度推荐将于2097-07-31截止（还有5天）/);
    assert.match(got[0]!.body, /尚有1份申报/);
  });
});

describe('cluster reminders', () => {
  let clusterA: string; // its annual reports are due (03-31 from 2024)
  let clusterB: string; // its validity ends within 90 days

  before(async () => {
    const [a] = await rows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO clusters (name, campaign_year, division_code, unit_code, valid_from, valid_to)
          VALUES ('余姚市测试年报集群', 2023, '330281', '330200', '2096-01-15', '2099-01-14') RETURNING id`,
    );
    const [b] = await rows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO clusters (name, campaign_year, division_code, unit_code, valid_from, valid_to)
          VALUES ('余姚市测试复核集群', 2096, '330281', '330200', '2095-07-31', '2098-07-30') RETURNING id`,
    );
    clusterA = a!.id;
    clusterB = b!.id;
  });

  const sentFor = async (target: string) =>
    (
      await rows<{ kind: string; deadline: string }>(
        t.database.db,
        sql`SELECT kind, deadline::text AS deadline FROM reminders_sent
          WHERE target = ${target} OR target LIKE ${`${target}:%`} ORDER BY kind, deadline`,
      )
    ).map((r) => `${r.kind} ${r.deadline}`);

  it('remind the county of an annual report 14 days before it is due and once when it is overdue', async () => {
    // Valid from 2096-01-15: it owes reports on 2096 (due 2097-03-31) and 2097 (due 2098-03-31).
    goTo('2098-03-16');
    await sendReminders(deps);
    assert.deepEqual(await sentFor(clusterA), ['annual_report_overdue 2097-03-31'], '2097 report: too early');
    goTo('2098-03-17');
    await sendReminders(deps);
    goTo('2098-03-20');
    await sendReminders(deps);
    assert.deepEqual(await sentFor(clusterA), [
      'annual_report_due 2098-03-31',
      'annual_report_overdue 2097-03-31',
    ]);
    const got = await inbox(yuyao, 'annual_report_due');
    assert.ok(got.some((n) => n.title.includes('余姚市测试年报集群') && n.title.includes('2098-03-31')));
  });

  it('remind the county and the unit of the re-review 90 days before the validity ends', async () => {
    goTo('2098-04-30');
    await sendReminders(deps);
    const rereviews = async () => (await sentFor(clusterB)).filter((k) => k.startsWith('rereview'));
    assert.deepEqual(await rereviews(), []);
    goTo('2098-05-01');
    await sendReminders(deps);
    await sendReminders(deps);
    assert.deepEqual(await rereviews(), ['rereview_due 2098-07-30']);
    for (const s of [yuyao, ningbo]) {
      const got = await inbox(s, 'rereview_due');
      assert.equal(got.filter((n) => n.title.includes('余姚市测试复核集群')).length, 1);
    }
  });
});
