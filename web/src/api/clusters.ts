// Identified clusters after identification: the registry in scope, annual reports, cultivation plans,
// policy support, change reports, re-review, revocation, history, overviews, import and provincial rounds.
// Every type is inferred from domain/cluster-contract.ts (and cluster-import.ts), never copied.
import type { z } from 'zod';
import type { AnnualReportContent } from '../../../domain/annual-report.ts';
import type {
  AnnualReportDto,
  AnnualReportSummaryDto,
  ClusterDetailDto,
  changeReportBody,
  changeReportDto,
  clusterEventDto,
  clusterFileDto,
  cultivationPlanDto,
  decideBody,
  provincialCampaignBody,
  provincialCampaignDto,
  provincialCandidateDto,
  provincialIdentificationDto,
  provincialIdentifyBody,
  provincialPublicityBody,
  provincialPublicityDto,
  provincialScoresDto,
  ReReviewDto,
  ReReviewForm,
  RevocationDto,
  reportCompletionDto,
  reportTotalsDto,
  reReviewDueDto,
  revokeBody,
  revokeLapsedDto,
  supportBody,
  supportDto,
  supportListDto,
  supportTotalsDto,
  trendsDto,
  verifyBody,
} from '../../../domain/cluster-contract.ts';
import type { ImportResultDto } from '../../../domain/cluster-import.ts';
import type { CultivationPlanContent } from '../../../domain/cluster-plan.ts';
import type { ObjectionDto } from '../../../domain/ministry-contract.ts';
import { ApiError, apiErrorFromBody, currentCsrfToken, http, NETWORK_ERROR, type Query } from './client.ts';
import type { Page } from './types.ts';

export type ClusterDetail = ClusterDetailDto;
export type ClusterEvent = z.infer<typeof clusterEventDto>;
export type AnnualReportSummary = AnnualReportSummaryDto;
export type AnnualReport = AnnualReportDto;
export type Trends = z.infer<typeof trendsDto>;
export type ReportCompletion = z.infer<typeof reportCompletionDto>;
export type ReportTotals = z.infer<typeof reportTotalsDto>;
export type CultivationPlan = z.infer<typeof cultivationPlanDto>;
export type Support = z.infer<typeof supportDto>;
export type SupportList = z.infer<typeof supportListDto>;
export type SupportBody = z.input<typeof supportBody>;
export type SupportTotals = z.infer<typeof supportTotalsDto>;
export type ClusterFile = z.infer<typeof clusterFileDto>;
export type ChangeReport = z.infer<typeof changeReportDto>;
export type ChangeReportBody = z.input<typeof changeReportBody>;
export type ReReview = ReReviewDto;
export type { ReReviewForm };
export type VerifyBody = z.input<typeof verifyBody>;
export type DecideBody = z.input<typeof decideBody>;
export type ReReviewDue = z.infer<typeof reReviewDueDto>;
export type RevokeBody = z.input<typeof revokeBody>;
export type Revocation = RevocationDto;
export type RevokeLapsed = z.infer<typeof revokeLapsedDto>;
export type ImportResult = ImportResultDto;
export type ProvincialCampaign = z.infer<typeof provincialCampaignDto>;
export type ProvincialCampaignBody = z.input<typeof provincialCampaignBody>;
export type ProvincialCandidate = z.infer<typeof provincialCandidateDto>;
export type ProvincialIdentifyBody = z.input<typeof provincialIdentifyBody>;
export type ProvincialIdentification = z.infer<typeof provincialIdentificationDto>;
export type ProvincialScores = z.infer<typeof provincialScoresDto>;
export type ProvincialPublicity = z.infer<typeof provincialPublicityDto>;
export type ProvincialPublicityBody = z.input<typeof provincialPublicityBody>;
export type { AnnualReportContent, CultivationPlanContent, ObjectionDto as ProvincialObjection };

const V1 = '/api/v1';
const enc = encodeURIComponent;
const cluster = (id: string) => `${V1}/clusters/${enc(id)}`;
const ifMatch = (version: number) => ({ 'if-match': String(version) });

/** Sends one file (and optional fields before it) as multipart/form-data with the session's CSRF token. */
export async function postMultipart<T>(path: string, file: File | Blob, fields: Record<string, string> = {}) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  body.append('file', file, file instanceof File ? file.name : 'file');
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = currentCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, NETWORK_ERROR, err instanceof Error ? err.message : String(err));
  }
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    // Not JSON: the error below says so by status.
  }
  if (!res.ok) throw apiErrorFromBody(res.status, res.statusText, parsed);
  return parsed as T;
}

export const clusterApi = {
  list: (query: Query, signal?: AbortSignal) =>
    http.get<Page<ClusterDetail>>(`${V1}/clusters`, query, signal),
  get: (id: string, signal?: AbortSignal) => http.get<ClusterDetail>(cluster(id), undefined, signal),
  history: (id: string, signal?: AbortSignal) =>
    http.get<{ clusterId: string; items: ClusterEvent[] }>(`${cluster(id)}/history`, undefined, signal),
  certificateUrl: (id: string) => `${cluster(id)}/certificate.pdf`,
  fileUrl: (id: string, fileId: string) => `${cluster(id)}/files/${enc(fileId)}`,

  // annual reports
  reports: (id: string, signal?: AbortSignal) =>
    http.get<{ items: AnnualReportSummary[] }>(`${cluster(id)}/annual-reports`, undefined, signal),
  report: (id: string, year: number, signal?: AbortSignal) =>
    http.get<AnnualReport>(`${cluster(id)}/annual-reports/${year}`, undefined, signal),
  saveReport: (id: string, year: number, version: number, patch: unknown) =>
    http.put<AnnualReport>(`${cluster(id)}/annual-reports/${year}`, { content: patch }, ifMatch(version)),
  reportAction: (id: string, year: number, action: 'submit' | 'return' | 'forward', comment = '') =>
    http.post<AnnualReport>(`${cluster(id)}/annual-reports/${year}/actions/${action}`, { comment }),
  trends: (id: string, signal?: AbortSignal) => http.get<Trends>(`${cluster(id)}/trends`, undefined, signal),
  reportQueue: (query: Query, signal?: AbortSignal) =>
    http.get<Page<AnnualReportSummary>>(`${V1}/annual-reports`, query, signal),
  completion: (year: number, signal?: AbortSignal) =>
    http.get<ReportCompletion>(`${V1}/annual-reports/completion/${year}`, undefined, signal),
  totals: (signal?: AbortSignal) => http.get<ReportTotals>(`${V1}/annual-reports/totals`, undefined, signal),

  // cultivation plan and policy support
  plan: (id: string, signal?: AbortSignal) =>
    http.get<CultivationPlan>(`${cluster(id)}/plan`, undefined, signal),
  savePlan: (id: string, version: number, body: CultivationPlanContent) =>
    http.put<CultivationPlan>(`${cluster(id)}/plan`, body, ifMatch(version)),
  support: (id: string, signal?: AbortSignal) =>
    http.get<SupportList>(`${cluster(id)}/support`, undefined, signal),
  recordSupport: (id: string, body: SupportBody) => http.post<Support>(`${cluster(id)}/support`, body),
  deleteSupport: (id: string, supportId: string) =>
    http.delete<void>(`${cluster(id)}/support/${enc(supportId)}`),
  supportTotals: (groupBy: 'unit' | 'cluster', signal?: AbortSignal) =>
    http.get<SupportTotals>(`${V1}/policy-support/totals`, { groupBy }, signal),

  // change reports
  changeReports: (id: string, signal?: AbortSignal) =>
    http.get<{ items: ChangeReport[] }>(`${cluster(id)}/change-reports`, undefined, signal),
  reportChange: (id: string, body: ChangeReportBody) =>
    http.post<ChangeReport>(`${cluster(id)}/change-reports`, body),
  addChangeFile: (id: string, reportId: string, file: File) =>
    postMultipart<ClusterFile>(`${cluster(id)}/change-reports/${enc(reportId)}/files`, file),
  changeAction: (
    id: string,
    reportId: string,
    action: 'acknowledge' | 'open_review' | 'close',
    comment = '',
    confirmed = false,
  ) =>
    http.post<ChangeReport>(`${cluster(id)}/change-reports/${enc(reportId)}/actions/${action}`, {
      comment,
      ...(action === 'close' ? { confirmed } : {}),
    }),

  // re-review
  reReview: (id: string, signal?: AbortSignal) =>
    http.get<ReReview>(`${cluster(id)}/re-review`, undefined, signal),
  saveReReview: (id: string, version: number, patch: unknown) =>
    http.put<ReReview>(`${cluster(id)}/re-review`, { form: patch }, ifMatch(version)),
  submitReReview: (id: string) => http.post<ReReview>(`${cluster(id)}/re-review/actions/submit`),
  returnReReview: (id: string, comment: string) =>
    http.post<ReReview>(`${cluster(id)}/re-review/actions/return`, { comment }),
  verifyReReview: (id: string, body: VerifyBody) =>
    http.post<ReReview>(`${cluster(id)}/re-review/actions/verify`, body),
  decideReReview: (id: string, body: DecideBody) =>
    http.post<ReReview>(`${cluster(id)}/re-review/actions/decide`, body),
  addReReviewFile: (id: string, file: File) =>
    postMultipart<ClusterFile>(`${cluster(id)}/re-review/files`, file),
  reReviewsDue: (signal?: AbortSignal) => http.get<ReReviewDue>(`${V1}/re-reviews/due`, undefined, signal),
  revokeLapsed: (clusterIds?: string[]) =>
    http.post<RevokeLapsed>(`${V1}/re-reviews/revoke-lapsed`, clusterIds ? { clusterIds } : {}),

  // revocation
  revoke: (id: string, body: RevokeBody) => http.post<ClusterDetail>(`${cluster(id)}/actions/revoke`, body),
  revocation: (id: string, signal?: AbortSignal) =>
    http.get<Revocation>(`${cluster(id)}/revocation`, undefined, signal),
  addRevocationFile: (id: string, file: File) =>
    postMultipart<ClusterFile>(`${cluster(id)}/revocation/files`, file),

  // import of published lists
  importList: (file: File | Blob) => postMultipart<ImportResult>(`${V1}/clusters/import`, file),

  // provincial identification rounds
  provincialRounds: (unitCode: string, signal?: AbortSignal) =>
    http.get<{ items: ProvincialCampaign[] }>(
      `${V1}/units/${enc(unitCode)}/provincial-campaigns`,
      undefined,
      signal,
    ),
  createProvincialRound: (unitCode: string, body: ProvincialCampaignBody) =>
    http.post<ProvincialCampaign>(`${V1}/units/${enc(unitCode)}/provincial-campaigns`, body),
  provincialCandidates: (unitCode: string, year: number, signal?: AbortSignal) =>
    http.get<{ items: ProvincialCandidate[] }>(
      `${V1}/units/${enc(unitCode)}/provincial-campaigns/${year}/candidates`,
      undefined,
      signal,
    ),
  identifyProvincial: (unitCode: string, year: number, body: ProvincialIdentifyBody) =>
    http.post<ProvincialIdentification>(`${round(unitCode, year)}/identification`, body),
  provincialScores: (unitCode: string, year: number, signal?: AbortSignal) =>
    http.get<ProvincialScores>(`${round(unitCode, year)}/scores`, undefined, signal),
  inviteProvincialExperts: (unitCode: string, year: number, declarationId: string, expertIds: string[]) =>
    http.post<ProvincialScores>(`${round(unitCode, year)}/experts`, { declarationId, expertIds }),
  publicizeProvincial: (unitCode: string, year: number, body: ProvincialPublicityBody) =>
    http.post<ProvincialPublicity>(`${round(unitCode, year)}/publicity`, body),
  provincialObjections: (unitCode: string, year: number, signal?: AbortSignal) =>
    http.get<{ items: ObjectionDto[] }>(`${round(unitCode, year)}/objections`, undefined, signal),
  resolveProvincialObjection: (
    unitCode: string,
    year: number,
    id: string,
    body: { decision: 'upheld' | 'dismissed'; reason: string },
  ) => http.post<ObjectionDto>(`${round(unitCode, year)}/objections/${enc(id)}/resolve`, body),
  /** Every unit's provincial 公示 that has started (public, no login). */
  publicProvincialPublicity: (signal?: AbortSignal) =>
    http.get<{ items: ProvincialPublicity[] }>(`${V1}/public/provincial-publicity`, undefined, signal),
  provincialEvidenceUrl: (unitCode: string, year: number, id: string) =>
    `${round(unitCode, year)}/objections/${enc(id)}/evidence`,
};

/** The path of a unit's provincial round. */
function round(unitCode: string, year: number) {
  return `${V1}/units/${enc(unitCode)}/provincial-campaigns/${year}`;
}
