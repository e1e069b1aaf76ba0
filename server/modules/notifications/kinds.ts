/**
 * The kinds of notification, each of which a user may receive by e-mail or not. Kinds not listed here (a
 * future one) are e-mailed until the list learns them.
 */
export const NOTIFICATION_KINDS = {
  submit: { zh: '新提交的申报待审核', en: 'A declaration was submitted for your review' },
  city_list: { zh: '市级推荐名单更新', en: 'A city changed the declarations it puts forward' },
  accept: { zh: '申报已受理', en: 'A declaration was accepted' },
  return: { zh: '申报被退回修改', en: 'A declaration was returned for revision' },
  reject: { zh: '申报不予受理', en: 'A declaration was rejected' },
  recommend: { zh: '申报已推荐至工业和信息化部', en: 'A declaration was recommended to MIIT' },
  expert_assignment: { zh: '新的评审任务', en: 'You were assigned declarations to score' },
  publicity: { zh: '拟认定名单公示', en: 'A declaration is in public announcement (公示)' },
  objection_upheld: { zh: '公示异议成立', en: 'An objection during the announcement was upheld' },
  identified: { zh: '认定为特色产业集群', en: 'A cluster was identified' },
  not_identified: { zh: '未列入认定名单', en: 'A declaration was not identified' },
  deadline_reminder: { zh: '申报、推荐截止提醒', en: 'A campaign deadline is near' },
  annual_report_due: { zh: '年度报告报送提醒', en: 'An annual report is due' },
  annual_report_overdue: { zh: '年度报告逾期提醒', en: 'An annual report is overdue' },
  rereview_due: { zh: '认定有效期届满（复核）提醒', en: 'A cluster’s re-review is due' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const KIND_KEYS = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export const isKnownKind = (kind: string): kind is NotificationKind => kind in NOTIFICATION_KINDS;

/** Subject and body of the e-mail for a notification: Chinese, with one English line. */
export function composeMail(n: { kind: string; title: string; body?: string }): {
  subject: string;
  body: string;
} {
  const label = isKnownKind(n.kind) ? NOTIFICATION_KINDS[n.kind] : null;
  return {
    subject: `【特色产业集群】${n.title}`,
    body: [
      n.title,
      ...(n.body ? ['', n.body] : []),
      '',
      `${label?.en ?? 'Notification'} (Jiqun, SME characteristic industrial clusters): sign in for the details.`,
    ].join('\n'),
  };
}
