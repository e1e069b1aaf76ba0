import { inArray } from 'drizzle-orm';
import { declarations } from '../../db/schema.ts';
import type { Executor } from '../../platform/sql.ts';
import { type NotificationInput, notify } from './service.ts';

/** The workflow services call these inside the transaction of the change, so a rollback takes them back. */

type DeclarationRef = {
  id: string;
  clusterName: string;
  campaignYear: number;
  divisionCode: string;
  unitCode: string;
};

const nameOf = (d: Pick<DeclarationRef, 'clusterName' | 'campaignYear'>) =>
  d.clusterName.trim() || `${d.campaignYear}年度申报`;

/** submit → the unit has a declaration to review; accept, return, reject → the county hears the decision. */
export async function notifyDeclarationStep(
  tx: Executor,
  action: string,
  d: DeclarationRef,
  comment: string | null,
): Promise<void> {
  const name = nameOf(d);
  const county = { divisionCode: d.divisionCode };
  const link = `/declarations/${d.id}`;
  const message: NotificationInput | null =
    action === 'submit'
      ? {
          to: { unitCode: d.unitCode },
          kind: 'submit',
          title: `新的申报待审核：${name}`,
          body: `${d.campaignYear}年度申报已提交，请及时审核（受理、退回修改或不予受理）。`,
          link: `/review/${d.id}`,
        }
      : action === 'accept'
        ? { to: county, kind: 'accept', title: `${name} 已受理`, body: '推荐单位已受理本申报。', link }
        : action === 'return'
          ? {
              to: county,
              kind: 'return',
              title: `${name} 被退回修改`,
              body: `退回原因：${comment ?? ''}\n请按意见修改后重新提交。`,
              link,
            }
          : action === 'reject'
            ? { to: county, kind: 'reject', title: `${name} 不予受理`, body: `原因：${comment ?? ''}`, link }
            : null;
  if (message) await notify(tx, [message]);
}

/** The county of each newly recommended declaration hears that it went to MIIT. */
export async function notifyRecommended(tx: Executor, declarationIds: readonly string[]): Promise<void> {
  if (declarationIds.length === 0) return;
  const found = await tx
    .select()
    .from(declarations)
    .where(inArray(declarations.id, [...declarationIds]));
  await notify(
    tx,
    found.map((d) => ({
      to: { divisionCode: d.divisionCode },
      kind: 'recommend',
      title: `${nameOf(d)} 已推荐至工业和信息化部`,
      body: `推荐单位已将本申报列入${d.campaignYear}年度推荐名单，报送工业和信息化部评审。`,
      link: `/declarations/${d.id}`,
    })),
  );
}

/** Each expert hears of its new assignments (one notification per expert, however many declarations). */
export async function notifyExpertAssignments(
  tx: Executor,
  assignments: readonly { expertId: string; declarationId: string }[],
  level: 'unit' | 'ministry',
): Promise<void> {
  if (assignments.length === 0) return;
  const found = await tx
    .select({
      id: declarations.id,
      clusterName: declarations.clusterName,
      campaignYear: declarations.campaignYear,
    })
    .from(declarations)
    .where(inArray(declarations.id, [...new Set(assignments.map((a) => a.declarationId))]));
  const names = new Map(found.map((d) => [d.id, nameOf(d)]));
  const byExpert = new Map<string, string[]>();
  for (const a of assignments)
    byExpert.set(a.expertId, [...(byExpert.get(a.expertId) ?? []), a.declarationId]);
  const who = level === 'unit' ? '推荐单位' : '工业和信息化部';
  await notify(
    tx,
    [...byExpert].map(([expertId, ids]) => ({
      to: { userId: expertId },
      kind: 'expert_assignment',
      title: ids.length === 1 ? `新的评审任务：${names.get(ids[0]!)}` : `新的评审任务：${ids.length}份申报`,
      body: `${who}邀请您评审：\n${ids.map((id) => `· ${names.get(id) ?? id}`).join('\n')}`,
      link: '/expert',
    })),
  );
}
