/** On-site inspection (实地抽查) checklist and states, as data. */
export const INSPECTION_CHECKLIST = [
  { key: 'boundary', zh: '集群空间范围与申报一致', en: 'Spatial boundary matches the declaration' },
  { key: 'output', zh: '产值等主要指标有据可查', en: 'Output and key figures verifiable' },
  { key: 'enterprises', zh: '优质企业名单与证书相符', en: 'Quality SMEs match their certificates' },
  { key: 'operator', zh: '运营管理机构实际运行', en: 'Operating body actually functioning' },
  { key: 'services', zh: '公共服务平台在用', en: 'Public service platforms in use' },
  { key: 'safety', zh: '近三年无较大及以上安全、质量、环境事故', en: 'No serious incidents in three years' },
] as const;
export type InspectionCheckKey = (typeof INSPECTION_CHECKLIST)[number]['key'];
export const INSPECTION_CHECK_KEYS = INSPECTION_CHECKLIST.map((c) => c.key) as [
  InspectionCheckKey,
  ...InspectionCheckKey[],
];

export const INSPECTION_STATUSES = ['planned', 'done', 'signed_off', 'cancelled'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_VERDICTS = ['pass', 'fail', 'follow_up'] as const;
export const INSPECTION_PURPOSES = ['declaration', 're_review'] as const;

/** A signed-off inspection is final; a cancelled one too. */
export const inspectionEditable = (status: InspectionStatus) => status === 'planned' || status === 'done';

/** What sign-off needs: a verdict and a finding on every checklist item. */
export function signOffProblems(
  verdict: string | null,
  checklist: Partial<Record<InspectionCheckKey, { ok: boolean | null; finding: string }>>,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!verdict) problems.push({ path: 'verdict', message: 'required' });
  for (const key of INSPECTION_CHECK_KEYS) {
    if (checklist[key]?.ok == null) problems.push({ path: `checklist.${key}`, message: 'finding required' });
  }
  return problems;
}
