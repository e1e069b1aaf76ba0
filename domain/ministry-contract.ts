/**
 * The JSON shapes of the ministry's national review (overview and intake, expert panels, results,
 * shortlist, 公示 with objections, identification), of clusters, notices and notifications. The server
 * validates and documents its responses with them; the web client takes its types from them.
 */
import { z } from 'zod';
import { declarationContentSchema } from './declaration-form.ts';
import { PANEL_PHASES } from './panels.ts';
import { AGGREGATIONS } from './scoring.ts';
import { REGION_KEYS, UNIT_KIND_KEYS } from './units.ts';
import { DECLARATION_STATUSES } from './workflow.ts';

const status = z.enum(DECLARATION_STATUSES);
const statusCounts = z.record(z.string(), z.number().int()).describe('Declarations per status');

// --- overview: dashboard and national intake ----------------------------------------------------------------

export const intakeItemDto = z.object({
  declarationId: z.string(),
  clusterName: z.string(),
  status,
  unitCode: z.string(),
  unitName: z.string(),
  region: z.enum(REGION_KEYS),
  divisionCode: z.string(),
  countyName: z.string(),
  rank: z.number().int().nullable().describe("The unit's rank; null once no longer on a unit list"),
  recommendedAt: z.string().nullable(),
  leadingIndustry: declarationContentSchema.shape.leadingIndustry,
  sectionCode: z.string().nullable().describe('GB/T 4754 门类 of the leading industry'),
  standardsOverall: z.enum(['pass', 'fail', 'incomplete']),
  failedItems: z.array(z.string()).describe('Codes of the standards items that fail'),
  westernRelaxation: z.object({ justification: z.string() }).nullable(),
  duplicateOf: z
    .array(z.string())
    .describe('Other declarations of the campaign in the same sub-sector (flagged when the rule applies)'),
  panelId: z.string().nullable(),
  finalScore: z.number().nullable(),
});
export type IntakeItemDto = z.infer<typeof intakeItemDto>;

export const campaignOverviewDto = z.object({
  campaignYear: z.number().int(),
  onePerSubSector: z.boolean(),
  stageCounts: statusCounts,
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      nameEn: z.string(),
      kind: z.enum(UNIT_KIND_KEYS),
      region: z.enum(REGION_KEYS),
      quota: z.number().int(),
      recommended: z.number().int().describe('Declarations on its list that reached the ministry'),
      counts: statusCounts,
      lastRecommendedAt: z.string().nullable(),
    }),
  ),
  regions: z.array(
    z.object({ region: z.enum(REGION_KEYS), units: z.number().int(), recommended: z.number().int() }),
  ),
  sections: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
  items: z.array(intakeItemDto).describe('Every declaration that reached the ministry'),
});
export type CampaignOverviewDto = z.infer<typeof campaignOverviewDto>;

// --- panels ---------------------------------------------------------------------------------------------------

export const panelExpertDto = z.object({
  id: z.string(),
  displayName: z.string(),
  unitCode: z.string().nullable(),
});

export const aggregateDto = z.object({
  value: z.number().nullable(),
  method: z.enum(AGGREGATIONS),
  used: z.array(z.number()),
  dropped: z.array(z.number()),
});

export const panelSummaryDto = z.object({
  id: z.string(),
  campaignYear: z.number().int(),
  name: z.string(),
  phase: z.enum(PANEL_PHASES),
  expertsPerDeclaration: z.number().int(),
  members: z.array(panelExpertDto),
  declarationCount: z.number().int(),
  scoredCount: z.number().int().describe('Active assignments with a score'),
  assignmentCount: z.number().int().describe('Active assignments (without declared conflicts)'),
  createdAt: z.string(),
});
export type PanelSummaryDto = z.infer<typeof panelSummaryDto>;

export const panelAssignmentDto = z.object({
  assignmentId: z.string(),
  expert: panelExpertDto,
  status: z.enum(['pending', 'scored', 'conflict']),
  conflictReason: z.string().nullable(),
  scores: z.array(z.number()).nullable(),
  total: z.number().nullable(),
  initialTotal: z.number().nullable().describe('The independent total, when revised after the reveal'),
  revisionReason: z.string().nullable(),
  comment: z.string().nullable(),
});

export const panelDeclarationDto = z.object({
  declarationId: z.string(),
  clusterName: z.string(),
  status,
  unitCode: z.string(),
  unitName: z.string(),
  countyName: z.string(),
  assignments: z.array(panelAssignmentDto),
  missingExperts: z.number().int().describe('How many more experts the declaration needs'),
  aggregate: aggregateDto,
  consensusComment: z.string(),
});
export type PanelDeclarationDto = z.infer<typeof panelDeclarationDto>;

export const panelDetailDto = panelSummaryDto.extend({
  weights: z.array(z.number()),
  aggregation: z.enum(AGGREGATIONS),
  declarations: z.array(panelDeclarationDto),
  allowedActions: z.array(z.string()).describe('advance_phase, edit, assign, consensus'),
});
export type PanelDetailDto = z.infer<typeof panelDetailDto>;

export const createPanelBody = z.object({
  name: z.string().trim().min(1).max(100),
  expertIds: z.array(z.uuid()).min(1).max(200),
  expertsPerDeclaration: z.int().min(1).max(50),
});

export const autoAssignResultDto = z.object({
  assignedDeclarations: z.number().int(),
  newAssignments: z.number().int(),
  shortfalls: z.array(z.object({ declarationId: z.string(), missing: z.number().int() })),
  unassigned: z.array(z.string()).describe('Declarations no panel can review (every member from its unit)'),
});

// --- results and shortlist -------------------------------------------------------------------------------------

export const resultItemDto = z.object({
  position: z.number().int().describe('1 = best final score'),
  declarationId: z.string(),
  clusterName: z.string(),
  status,
  unitCode: z.string(),
  unitName: z.string(),
  countyName: z.string(),
  panelId: z.string().nullable(),
  panelName: z.string().nullable(),
  panelPhase: z.enum(PANEL_PHASES).nullable(),
  aggregate: aggregateDto,
  rawTotals: z.array(z.number()).describe('Every counted expert total'),
  consensusComment: z.string(),
  standardsOverall: z.enum(['pass', 'fail', 'incomplete']),
  westernRelaxation: z.object({ justification: z.string() }).nullable(),
  openObjections: z.number().int(),
});
export type ResultItemDto = z.infer<typeof resultItemDto>;

export const resultsDto = z.object({
  campaignYear: z.number().int(),
  aggregation: z.enum(AGGREGATIONS),
  items: z.array(resultItemDto),
});
export type ResultsDto = z.infer<typeof resultsDto>;

// --- 公示 and objections -----------------------------------------------------------------------------------------

export const publicityItemDto = z.object({
  declarationId: z.string(),
  clusterName: z.string(),
  countyName: z.string(),
  divisionCode: z.string(),
  unitName: z.string(),
  leadingIndustry: z.string(),
  status,
});

export const publicityDto = z.object({
  id: z.string(),
  campaignYear: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
  provisional: z.boolean().describe('The period runs past the published official holiday calendar'),
  open: z.boolean().describe('Objections accepted today'),
  noticeId: z.string().nullable(),
  items: z.array(publicityItemDto),
  objections: z
    .object({ open: z.number().int(), upheld: z.number().int(), dismissed: z.number().int() })
    .describe('Counts; the public view shows zeros'),
  createdAt: z.string(),
});
export type PublicityDto = z.infer<typeof publicityDto>;

export const createPublicityBody = z.object({
  declarationIds: z.array(z.uuid()).min(1).max(500),
  startsOn: z.iso.date(),
  workingDays: z.int().min(1).max(60),
});

export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;

export const objectionDto = z.object({
  id: z.string(),
  publicityId: z.string(),
  declarationId: z.string(),
  clusterName: z.string(),
  realName: z.string(),
  contact: z.string(),
  reason: z.string(),
  evidence: z
    .object({ filename: z.string(), size: z.number().int(), sha256: z.string(), contentType: z.string() })
    .nullable(),
  status: z.enum(OBJECTION_STATUSES),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ObjectionDto = z.infer<typeof objectionDto>;

export const resolveObjectionBody = z.object({
  decision: z.enum(['upheld', 'dismissed']),
  reason: z.string().trim().min(1).max(5000),
});

export const objectionReceiptDto = z.object({
  id: z.string(),
  receivedAt: z.string(),
  clusterName: z.string(),
});

// --- identification, clusters, notices, notifications ----------------------------------------------------------

export const CLUSTER_STATUSES = ['valid', 'extended', 'revoked'] as const;

export const clusterDto = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  divisionCode: z.string(),
  countyName: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  leadingIndustry: z.string(),
  industryCode: z.string().nullable(),
  subSector: z.string().nullable(),
  noticeNo: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(CLUSTER_STATUSES),
  declarationId: z.string().nullable(),
  allowedActions: z.array(z.string()),
});
export type ClusterDto = z.infer<typeof clusterDto>;

export const identifyBody = z.object({
  declarationIds: z.array(z.uuid()).min(1).max(500),
  noticeNo: z.string().trim().min(1).max(100),
  publishedOn: z.iso.date(),
});

export const identificationDto = z.object({
  campaignYear: z.number().int(),
  noticeNo: z.string(),
  publishedOn: z.string(),
  noticeId: z.string(),
  clusters: z.array(clusterDto),
  notIdentified: z.array(z.string()).describe('Declarations of the campaign that were not identified'),
});

export const NOTICE_KINDS = ['recommendation', 'publicity', 'identification', 'other'] as const;

export const noticeAttachmentDto = z.object({
  id: z.string(),
  filename: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  contentType: z.string(),
});
export type NoticeAttachmentDto = z.infer<typeof noticeAttachmentDto>;

export const noticeDto = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  campaignYear: z.number().int().nullable(),
  noticeNo: z.string().nullable(),
  title: z.string(),
  titleEn: z.string().nullable().describe('The English title, where given'),
  unitCode: z.string().nullable().describe('The recommending unit that published it; null for the ministry'),
  unitName: z.string().nullable(),
  body: z.string(),
  publishedOn: z.string(),
  publicityId: z.string().nullable().describe('The 公示 this notice announces, if any'),
  attachments: z.array(noticeAttachmentDto),
});
export type NoticeDto = z.infer<typeof noticeDto>;

export const createNoticeBody = z.object({
  kind: z.enum(NOTICE_KINDS),
  campaignYear: z.int().nullable().default(null),
  noticeNo: z.string().trim().max(100).nullable().default(null),
  title: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(300).nullable().default(null),
  body: z.string().max(50_000).default(''),
  publishedOn: z.iso.date(),
});

export const notificationDto = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type NotificationDto = z.infer<typeof notificationDto>;

// --- the expert's view of a panel assignment -----------------------------------------------------------------

export const peerScoresDto = z.object({
  assignmentId: z.string(),
  phase: z.enum(PANEL_PHASES),
  aggregation: z.enum(AGGREGATIONS),
  peers: z.array(
    z.object({
      label: z.string().describe('专家A, 专家B … (names stay hidden); "mine" marks your own'),
      mine: z.boolean(),
      scores: z.array(z.number()).nullable(),
      total: z.number().nullable(),
      revised: z.boolean(),
    }),
  ),
  aggregate: aggregateDto,
});
export type PeerScoresDto = z.infer<typeof peerScoresDto>;
