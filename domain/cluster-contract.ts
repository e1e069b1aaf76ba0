/**
 * The API contract of identified clusters after identification: the JSON the server sends and accepts for
 * clusters, annual reports, cultivation plans, policy support, change reports, re-reviews, revocation,
 * history, trends and the overviews, and for provincial identification. Server routes validate with these
 * schemas and the web imports the types.
 */
import { z } from 'zod';
import {
  annualReportContentSchema,
  REPORT_FIGURE_KEYS,
  REPORT_STATUSES,
  type ReportFigureKey,
} from './annual-report.ts';
import {
  CHANGE_KINDS,
  CHANGE_STATUSES,
  CLUSTER_LEVELS,
  EFFECTIVE_CLUSTER_STATUSES,
  RE_REVIEW_DECISIONS,
  RE_REVIEW_STATUSES,
  REVOCATION_REASONS,
} from './cluster-lifecycle.ts';
import {
  CULTIVATION_AREA_KEYS,
  cultivationPlanContentSchema,
  PLAN_INDICATOR_KEYS,
  SUPPORT_KINDS,
} from './cluster-plan.ts';
import { declarationContentSchema } from './declaration-form.ts';

const isoDate = z.iso.date();
const actions = z.array(z.string()).describe('What the caller may do with this record now');
const figures = z.record(z.enum(REPORT_FIGURE_KEYS), z.number().nullable());

// --- the cluster ---------------------------------------------------------------------------------------------------

export const clusterDetailDto = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(CLUSTER_LEVELS),
  year: z.number().int().describe('The batch: the campaign year (national) or the provincial round'),
  divisionCode: z.string(),
  countyName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  leadingIndustry: z.string(),
  industryCode: z.string().nullable(),
  subSector: z.string().nullable(),
  operatingBody: z
    .string()
    .nullable()
    .describe('As declared, then as changed by accepted change reports; null when not recorded'),
  spatialBoundary: z
    .string()
    .nullable()
    .describe('As changed by an accepted change report; null when never reported'),
  noticeNo: z.string().nullable(),
  validFrom: isoDate,
  validTo: isoDate,
  status: z.enum(EFFECTIVE_CLUSTER_STATUSES).describe('expired: valid or extended whose validTo has passed'),
  revokedOn: isoDate.nullable(),
  revocationReason: z.enum(REVOCATION_REASONS).nullable(),
  declarationId: z.string().nullable(),
  reReviewDue: z.boolean().describe('Validity ends within a year (or has ended): listed for re-review'),
  allowedActions: actions,
});
export type ClusterDetailDto = z.infer<typeof clusterDetailDto>;

export const clusterEventDto = z.object({
  id: z.number().int(),
  kind: z.string(),
  onDate: isoDate,
  actorRole: z.string().nullable(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  refId: z.string().nullable(),
  at: z.string(),
});
export const clusterHistoryDto = z.object({ clusterId: z.string(), items: z.array(clusterEventDto) });

// --- annual reports --------------------------------------------------------------------------------------------

/** A draft may hold anything partial: nothing typed is lost. */
export const annualReportDraftBody = z.object({ content: z.unknown() });

export const annualReportEventDto = z.object({
  action: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  version: z.number().int(),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const annualReportSummaryDto = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  divisionCode: z.string(),
  unitCode: z.string(),
  year: z.number().int().describe('The year of the figures; the report is filed the following year'),
  dueOn: isoDate,
  status: z.enum(REPORT_STATUSES),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  submittedLate: z.boolean().nullable(),
  version: z.number().int(),
  allowedActions: actions,
});
export type AnnualReportSummaryDto = z.infer<typeof annualReportSummaryDto>;

export const annualReportDto = annualReportSummaryDto.extend({
  id: z.string().nullable().describe('null while not started'),
  content: annualReportContentSchema,
  missing: z.array(z.object({ path: z.string(), message: z.string() })),
  returnReason: z.string().nullable(),
  events: z.array(annualReportEventDto),
});
export type AnnualReportDto = z.infer<typeof annualReportDto>;

export const reportActionBody = z.object({ comment: z.string().trim().max(5000).default('') });

export const trendsDto = z.object({
  clusterId: z.string(),
  figures: z.array(
    z.object({ key: z.enum(REPORT_FIGURE_KEYS), zh: z.string(), en: z.string(), unit: z.string() }),
  ),
  years: z.array(z.object({ year: z.number().int(), status: z.enum(REPORT_STATUSES), values: figures })),
});

export const reportCompletionDto = z.object({
  year: z.number().int(),
  dueOn: isoDate,
  units: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      expected: z.number().int(),
      notStarted: z.number().int(),
      draft: z.number().int(),
      submitted: z.number().int(),
      returned: z.number().int(),
      forwarded: z.number().int(),
      overdue: z.number().int(),
      completionPercent: z
        .number()
        .describe('forwarded / expected × 100 (submitted counts as filed, not forwarded)'),
    }),
  ),
});

export const reportTotalsDto = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      reports: z.number().int().describe('Filed (submitted or forwarded) reports counted'),
      sums: z.record(z.string(), z.number()),
      averageGrowth: z.number().nullable(),
    }),
  ),
});

// --- cultivation plan and policy support ----------------------------------------------------------------------

export const cultivationPlanBody = cultivationPlanContentSchema;
export const targetProgressDto = z.object({
  indicator: z.enum(PLAN_INDICATOR_KEYS),
  year: z.number().int(),
  value: z.number(),
  area: z.enum(CULTIVATION_AREA_KEYS),
  actual: z.number().nullable(),
  percent: z.number().nullable(),
  state: z.enum(['achieved', 'not_achieved', 'no_report', 'future']),
});
export const cultivationPlanDto = z.object({
  clusterId: z.string(),
  content: cultivationPlanContentSchema,
  version: z.number().int().describe('0 while never saved; send it back as If-Match'),
  updatedAt: z.string().nullable(),
  progress: z.array(targetProgressDto),
  byArea: z.array(
    z.object({
      area: z.enum(CULTIVATION_AREA_KEYS),
      targets: z.number().int(),
      achieved: z.number().int(),
      notAchieved: z.number().int(),
      pending: z.number().int(),
    }),
  ),
  allowedActions: actions,
});

export const supportBody = z.object({
  kind: z.enum(SUPPORT_KINDS),
  title: z.string().trim().min(1).max(200),
  amount: z.number().min(0).max(1_000_000).nullable().default(null).describe('亿元'),
  grantedOn: isoDate,
  grantor: z.string().trim().max(200).default(''),
  documentNo: z.string().trim().max(100).nullable().default(null),
  description: z.string().max(5000).default(''),
});
export const supportDto = z.object({
  id: z.string(),
  clusterId: z.string(),
  kind: z.enum(SUPPORT_KINDS),
  title: z.string(),
  amount: z.number().nullable(),
  grantedOn: isoDate,
  grantor: z.string(),
  documentNo: z.string().nullable(),
  description: z.string(),
  recordedRole: z.string(),
  createdAt: z.string(),
  allowedActions: actions,
});
const kindTotals = z.record(z.enum(SUPPORT_KINDS), z.object({ count: z.number().int(), amount: z.number() }));
export const supportListDto = z.object({
  items: z.array(supportDto),
  totals: z.object({ count: z.number().int(), amount: z.number(), byKind: kindTotals }),
});
export const supportTotalsDto = z.object({
  groupBy: z.enum(['unit', 'cluster']),
  items: z.array(
    z.object({
      code: z.string().describe('Unit code or cluster id'),
      name: z.string(),
      count: z.number().int(),
      amount: z.number(),
      byKind: kindTotals,
    }),
  ),
});

// --- evidence files ---------------------------------------------------------------------------------------------

export const clusterFileDto = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  contentType: z.string(),
  createdAt: z.string(),
});

// --- change reports -------------------------------------------------------------------------------------------

export const changeReportBody = z.object({
  kind: z.enum(CHANGE_KINDS),
  description: z.string().trim().min(1).max(20_000),
  beforeValue: z.string().max(2000).default(''),
  afterValue: z.string().max(2000).default(''),
  effectiveOn: isoDate.nullable().default(null),
});
export const changeReportDto = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  kind: z.enum(CHANGE_KINDS),
  description: z.string(),
  beforeValue: z.string(),
  afterValue: z.string(),
  effectiveOn: isoDate.nullable(),
  status: z.enum(CHANGE_STATUSES),
  reportedAt: z.string(),
  resolution: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  files: z.array(clusterFileDto),
  allowedActions: actions,
});
export const changeActionBody = z.object({ comment: z.string().trim().max(5000).default('') });
export const changeReportActionBody = changeActionBody.extend({
  confirmed: z
    .boolean()
    .default(false)
    .describe(
      'close only: the review confirmed the change, so the new value becomes the cluster’s (acknowledge always applies it)',
    ),
});

// --- re-review ----------------------------------------------------------------------------------------------------

/**
 * The Re-review Form (《复核申报表》): the current indicators in the shape of the Declaration Form (so the same
 * standards check applies), a self-assessment against the three-year plan, and the narrative.
 */
export const reReviewFormSchema = z.object({
  content: declarationContentSchema,
  planSelfAssessment: z.string().max(20_000),
  summary: z.string().max(20_000),
});
export type ReReviewForm = z.infer<typeof reReviewFormSchema>;

export const reReviewDraftBody = z.object({ form: z.unknown() });

export const verificationItemSchema = z.object({
  code: z.string().min(1).max(100),
  result: z.enum(['pass', 'fail']),
  reason: z.string().max(5000).default(''),
});
export const verifyBody = z.object({
  passed: z.boolean(),
  items: z.array(verificationItemSchema).max(100),
  comment: z.string().max(5000).default(''),
  inspection: z
    .object({
      date: isoDate,
      team: z.string().max(1000),
      findings: z.string().max(20_000),
    })
    .nullable()
    .default(null)
    .describe('The on-site check, when the unit made one'),
});
export const decideBody = z.object({
  decision: z.enum(RE_REVIEW_DECISIONS),
  reason: z.string().max(5000).default(''),
});

const standardsItem = z.object({
  area: z.number().int(),
  code: z.string(),
  value: z.unknown(),
  threshold: z.number().nullable(),
  operator: z.string(),
  result: z.string(),
  message: z.string(),
});

export const planCheckDto = z.object({
  indicator: z.enum(PLAN_INDICATOR_KEYS),
  year: z.number().int(),
  value: z.number(),
  actual: z.number().nullable(),
  state: z.string(),
});

export const reReviewDto = z.object({
  id: z.string(),
  clusterId: z.string(),
  clusterName: z.string(),
  periodEnd: isoDate.describe('The last valid day under review'),
  status: z.enum(RE_REVIEW_STATUSES),
  form: z.unknown(),
  version: z.number().int(),
  standardsVersion: z.string(),
  standards: z
    .object({ overall: z.string(), items: z.array(standardsItem) })
    .nullable()
    .describe('The automatic check of the current indicators (at submission; live for a draft)'),
  planCheck: z.array(planCheckDto).describe('Targets of the cultivation plan against the annual reports'),
  missing: z.array(z.object({ path: z.string(), message: z.string() })),
  submittedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  verification: z
    .object({
      passed: z.boolean(),
      items: z.array(verificationItemSchema),
      comment: z.string(),
      inspection: z.object({ date: z.string(), team: z.string(), findings: z.string() }).nullable(),
      verifiedAt: z.string(),
    })
    .nullable(),
  decision: z
    .object({
      decision: z.enum(RE_REVIEW_DECISIONS),
      reason: z.string(),
      decidedAt: z.string(),
      newValidTo: isoDate.nullable(),
    })
    .nullable(),
  files: z.array(clusterFileDto),
  allowedActions: actions,
});
export type ReReviewDto = z.infer<typeof reReviewDto>;

export const reReviewDueDto = z.object({
  items: z.array(
    z.object({
      cluster: clusterDetailDto,
      reReviewId: z.string().nullable(),
      reReviewStatus: z.enum(RE_REVIEW_STATUSES).nullable(),
      lapsed: z.boolean().describe('Validity ended without a filed re-review: to be revoked'),
    }),
  ),
});

// --- revocation ---------------------------------------------------------------------------------------------------

export const revokeBody = z.object({
  reason: z.enum(REVOCATION_REASONS),
  explanation: z.string().trim().min(1).max(20_000),
  effectiveOn: isoDate.optional().describe('Defaults to today'),
});
export const revocationDto = z.object({
  clusterId: z.string(),
  revokedOn: isoDate.nullable(),
  reason: z.enum(REVOCATION_REASONS).nullable(),
  explanation: z
    .string()
    .describe('The revoking party’s statement (empty for a list revoked outside the system)'),
  files: z
    .array(clusterFileDto)
    .describe('Evidence; never public, downloaded from /clusters/{id}/files/{fileId}'),
  allowedActions: actions.describe('add_file: the revoking party may add evidence'),
});
export type RevocationDto = z.infer<typeof revocationDto>;
export const revokeLapsedBody = z.object({
  clusterIds: z.array(z.uuid()).max(1000).optional().describe('Default: every lapsed cluster'),
});
export const revokeLapsedDto = z.object({ revoked: z.array(z.object({ id: z.string(), name: z.string() })) });

// --- provincial identification ----------------------------------------------------------------------------------

export const provincialCampaignBody = z.object({
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(200),
  standardsVersion: z.string().min(1).max(50),
});
export const provincialPublicityStateDto = z.object({
  id: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  workingDays: z.number().int(),
  open: z.boolean().describe('Objections accepted today'),
  ended: z.boolean().describe('The last day has passed: the unit may identify'),
});
export const provincialCampaignDto = z.object({
  id: z.string(),
  unitCode: z.string(),
  year: z.number().int(),
  title: z.string(),
  standardsVersion: z.string(),
  status: z.enum(['open', 'closed']),
  noticeNo: z.string().nullable(),
  publishedOn: isoDate.nullable(),
  clusters: z.number().int(),
  publicity: provincialPublicityStateDto.nullable().describe('The round’s 公示, once published'),
  allowedActions: actions.describe('assign_experts, publicize, identify (the owning unit only)'),
});
export const provincialCandidateDto = z.object({
  declarationId: z.string(),
  clusterName: z.string(),
  divisionCode: z.string(),
  campaignYear: z.number().int(),
  status: z.string(),
  standards: z.object({ overall: z.string(), items: z.array(standardsItem) }),
  alreadyProvincial: z.boolean(),
  experts: z.number().int().describe('Experts invited to score it in this round (conflicts excluded)'),
  scored: z.number().int(),
  aggregate: z.number().nullable().describe('The stated aggregation of the experts’ totals'),
  inPublicity: z.boolean(),
});
export const provincialIdentifyBody = z.object({
  noticeNo: z.string().trim().min(1).max(100),
  publishedOn: isoDate,
  declarations: z
    .array(
      z.object({
        declarationId: z.uuid(),
        justification: z.string().max(5000).default('').describe('Required when the provincial check fails'),
      }),
    )
    .max(500)
    .default([]),
  entries: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        divisionCode: z.string().regex(/^\d{6}$/),
        leadingIndustry: z.string().trim().min(1).max(50),
        industryCode: z
          .string()
          .regex(/^\d{2,4}$/)
          .nullable()
          .default(null),
      }),
    )
    .max(500)
    .default([])
    .describe('Clusters the unit identified outside the system (entered directly)'),
});
export const provincialIdentificationDto = z.object({
  campaign: provincialCampaignDto,
  clusters: z.array(clusterDetailDto),
});

export type FigureKey = ReportFigureKey;

// --- the provincial pipeline: experts and 公示, one tier down ----------------------------------------------------

export const provincialExpertsBody = z.object({
  declarationId: z.uuid(),
  expertIds: z.array(z.uuid()).min(1).max(20),
});
export const provincialScoreSheetDto = z.object({
  declarationId: z.string(),
  clusterName: z.string(),
  aggregation: z.string().describe('How the totals are aggregated (the campaign’s rule)'),
  aggregate: z.number().nullable(),
  experts: z.array(
    z.object({
      assignmentId: z.string(),
      expert: z.object({ id: z.string(), displayName: z.string() }),
      status: z.enum(['pending', 'scored', 'conflict']),
      total: z.number().nullable(),
      comment: z.string().nullable(),
    }),
  ),
});
export const provincialScoresDto = z.object({ items: z.array(provincialScoreSheetDto) });

export const provincialPublicityBody = z.object({
  declarationIds: z.array(z.uuid()).min(1).max(500),
  startsOn: isoDate,
  workingDays: z.int().min(1).max(60).default(5).describe('Working days on the official calendar'),
});
export const provincialPublicityItemDto = z.object({
  declarationId: z.string(),
  clusterName: z.string(),
  countyName: z.string(),
  divisionCode: z.string(),
  leadingIndustry: z.string(),
  removed: z.boolean().describe('Taken off the list by an upheld objection'),
});
export const provincialPublicityDto = provincialPublicityStateDto.extend({
  roundId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  title: z.string(),
  noticeId: z.string().nullable(),
  items: z.array(provincialPublicityItemDto),
  objections: z
    .object({ open: z.number().int(), upheld: z.number().int(), dismissed: z.number().int() })
    .describe('Counts; the public view shows zeros'),
});
export const publicProvincialPublicityDto = z.object({ items: z.array(provincialPublicityDto) });
