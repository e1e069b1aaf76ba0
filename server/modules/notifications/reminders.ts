import { sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/workflow.ts';
import type { Deps } from '../../platform/deps.ts';
import { type Executor, rows } from '../../platform/sql.ts';
import { annualReportReminders } from '../annual-reports/service.ts';
import { type NotificationInput, notify } from './service.ts';

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Which of the configured reminder days applies `daysLeft` before a deadline: the nearest one already
 * reached (with 7,1: the 7-day reminder from 7 days before, the 1-day one from the day before). Null when
 * none has come yet or the deadline has passed. A day missed while the server was down is caught up,
 * and only the nearest reminder goes out.
 */
export function reminderStep(daysLeft: number, days: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const reached = days.filter((n) => daysLeft <= n);
  return reached.length ? Math.min(...reached) : null;
}

const ANNUAL_REPORT_DAYS_BEFORE = 14;
const REREVIEW_DAYS_BEFORE = 90;

/** The next date on or after `today` that falls on `mmdd` (an annual report's due day). */
export function nextDue(today: string, mmdd: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-${mmdd}`;
  return thisYear >= today ? thisYear : `${year + 1}-${mmdd}`;
}

const dayWord = (n: number) => (n === 0 ? '今天' : `还有${n}天`);

type Reminder = {
  /** With the kind and deadline, what makes the reminder unique (it is sent once). */
  key: { kind: string; target: string; deadline: string };
  notifications: NotificationInput[];
};

/** Sends each reminder once: its (kind, target, deadline) is recorded in the same transaction. */
async function sendOnce(tx: Executor, reminders: readonly Reminder[]): Promise<number> {
  let sent = 0;
  for (const r of reminders) {
    const inserted = await rows(
      tx,
      sql`INSERT INTO reminders_sent (kind, target, deadline) VALUES (${r.key.kind}, ${r.key.target}, ${r.key.deadline})
          ON CONFLICT DO NOTHING RETURNING 1`,
    );
    if (inserted.length === 0) continue;
    await notify(tx, r.notifications);
    sent++;
  }
  return sent;
}

/** Counties with unsubmitted declarations, N days before the county deadline of an open campaign. */
async function countyDeadlines(db: Executor, today: string, days: readonly number[]): Promise<Reminder[]> {
  const found = await rows<{ year: number; deadline: string; division: string; n: number }>(
    db,
    sql`SELECT c.year, c.county_deadline::text AS deadline, d.division_code AS division, count(*)::int AS n
        FROM campaigns c JOIN declarations d ON d.campaign_year = c.year
        WHERE c.status = 'open' AND c.county_deadline BETWEEN ${today}::date AND ${today}::date + ${Math.max(...days)}::int
          AND d.status IN ('draft', 'returned', 'withdrawn')
        GROUP BY c.year, c.county_deadline, d.division_code`,
  );
  return found.flatMap((f) => {
    const left = daysBetween(today, f.deadline);
    const step = reminderStep(left, days);
    if (step === null) return [];
    return [
      {
        key: { kind: `county_deadline:${step}`, target: f.division, deadline: f.deadline },
        notifications: [
          {
            to: { divisionCode: f.division },
            kind: 'deadline_reminder',
            title: `${f.year}年度申报将于${f.deadline}截止（${dayWord(left)}）`,
            body: `尚有${Number(f.n)}份申报未提交（草稿、退回修改或已撤回）。请在截止日期前完成并提交。`,
            link: '/declarations',
          },
        ],
      },
    ];
  });
}

/** Units with declarations still to review or to rank, N days before the unit deadline of an open campaign. */
async function unitDeadlines(db: Executor, today: string, days: readonly number[]): Promise<Reminder[]> {
  const found = await rows<{ year: number; deadline: string; unit: string; n: number }>(
    db,
    sql`SELECT c.year, c.unit_deadline::text AS deadline, d.unit_code AS unit, count(*)::int AS n
        FROM campaigns c JOIN declarations d ON d.campaign_year = c.year
        WHERE c.status = 'open' AND c.unit_deadline BETWEEN ${today}::date AND ${today}::date + ${Math.max(...days)}::int
          AND d.status IN ('submitted', 'accepted')
        GROUP BY c.year, c.unit_deadline, d.unit_code`,
  );
  return found.flatMap((f) => {
    const left = daysBetween(today, f.deadline);
    const step = reminderStep(left, days);
    if (step === null) return [];
    return [
      {
        key: { kind: `unit_deadline:${step}`, target: f.unit, deadline: f.deadline },
        notifications: [
          {
            to: { unitCode: f.unit },
            kind: 'deadline_reminder',
            title: `${f.year}年度推荐将于${f.deadline}截止（${dayWord(left)}）`,
            body: `尚有${Number(f.n)}份申报待审核或已受理未列入推荐名单。请在截止日期前完成审核和推荐排序。`,
            link: '/review',
          },
        ],
      },
    ];
  });
}

type ClusterRow = {
  id: string;
  name: string;
  division: string;
  unit: string;
  validFrom: string;
  validTo: string;
  due: string | null;
};

async function validClusters(db: Executor, today: string): Promise<ClusterRow[]> {
  return rows<ClusterRow>(
    db,
    sql`SELECT k.id, k.name, k.division_code AS division, k.unit_code AS unit, k.valid_from::text AS "validFrom",
               k.valid_to::text AS "validTo", c.annual_report_due AS due
        FROM clusters k LEFT JOIN campaigns c ON c.year = k.campaign_year
        WHERE k.status IN ('valid', 'extended') AND k.valid_to >= ${today}::date`,
  );
}

/**
 * Annual reports owed and not filed (not started, draft or returned): one reminder 14 days before the due
 * day, one the first day after it. Which years a cluster owes and when each is due come from the annual
 * report rules (the filing year's campaign sets the due day).
 */
async function annualReports(db: Executor, today: string): Promise<Reminder[]> {
  const owed = await annualReportReminders(db, today, ANNUAL_REPORT_DAYS_BEFORE);
  return owed.map((r): Reminder => {
    const overdue = r.kind === 'overdue';
    const kind = overdue ? 'annual_report_overdue' : 'annual_report_due';
    return {
      key: { kind, target: `${r.clusterId}:${r.year}`, deadline: r.dueOn },
      notifications: [
        {
          to: { divisionCode: r.divisionCode },
          kind,
          title: overdue
            ? `${r.clusterName} ${r.year}年度发展情况报告已逾期（${r.dueOn}到期）`
            : `${r.clusterName} ${r.year}年度发展情况报告将于${r.dueOn}到期（${dayWord(r.daysLeft)}）`,
          body: overdue ? '请尽快报送年度发展情况报告。' : `请于${r.dueOn}前报送${r.year}年度发展情况报告。`,
          link: `/clusters/${r.clusterId}`,
        },
      ],
    };
  });
}

/** Clusters whose validity ends within 90 days: time to prepare the re-review (复核). */
function rereviewsDue(clusters: readonly ClusterRow[], today: string): Reminder[] {
  return clusters.flatMap((k) => {
    const left = daysBetween(today, k.validTo);
    if (left > REREVIEW_DAYS_BEFORE) return [];
    const message = {
      kind: 'rereview_due',
      title: `${k.name} 认定有效期将于${k.validTo}届满（${dayWord(left)}）`,
      body: '有效期届满前将组织复核，请提前准备相关材料。',
      link: '/clusters',
    };
    return [
      {
        key: { kind: 'rereview_due', target: k.id, deadline: k.validTo },
        notifications: [
          { to: { divisionCode: k.division }, ...message },
          { to: { unitCode: k.unit }, ...message },
        ],
      },
    ];
  });
}

/**
 * The daily reminders on the server's clock: campaign deadlines (JIQUN_REMINDER_DAYS before), annual
 * reports (14 days before; overdue the day after), re-reviews (90 days before the validity ends). Safe to
 * run any number of times a day and from several processes: each reminder is sent once.
 */
export async function sendReminders(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<number> {
  const today = chinaDate(deps.clock.now());
  const days = deps.config.reminderDays;
  return deps.db.transaction(async (tx) => {
    const clusters = await validClusters(tx, today);
    return sendOnce(tx, [
      ...(await countyDeadlines(tx, today, days)),
      ...(await unitDeadlines(tx, today, days)),
      ...(await annualReports(tx, today)),
      ...rereviewsDue(clusters, today),
    ]);
  });
}
