// The ministry's national review (overview, panels, results, 公示, objections, identification), clusters,
// notices and notifications. Every response type is inferred from domain/ministry-contract.ts.
import type { z } from 'zod';
import type { Campaign, CampaignDto } from '../../../domain/campaigns.ts';
import type {
  autoAssignResultDto,
  CampaignOverviewDto,
  ClusterDto,
  createNoticeBody,
  createPanelBody,
  createPublicityBody,
  identificationDto,
  identifyBody,
  NoticeDto,
  NotificationDto,
  ObjectionDto,
  objectionReceiptDto,
  PanelDetailDto,
  PanelSummaryDto,
  PublicityDto,
  panelAssignmentDto,
  panelExpertDto,
  publicityItemDto,
  ResultsDto,
  resolveObjectionBody,
} from '../../../domain/ministry-contract.ts';
import type { PanelPhase } from '../../../domain/panels.ts';
import { ApiError, apiErrorFromBody, currentCsrfToken, http, NETWORK_ERROR, type Query } from './client.ts';
import type { Page } from './types.ts';

export type {
  CampaignOverviewDto as CampaignOverview,
  ClusterDto as Cluster,
  IntakeItemDto as IntakeItem,
  NoticeDto as Notice,
  NotificationDto as Notification,
  ObjectionDto as Objection,
  PanelDeclarationDto as PanelDeclaration,
  PanelDetailDto as PanelDetail,
  PanelSummaryDto as PanelSummary,
  PeerScoresDto as PeerScores,
  PublicityDto as Publicity,
  ResultItemDto as ResultItem,
  ResultsDto as Results,
} from '../../../domain/ministry-contract.ts';
export type { PanelPhase };

export type AutoAssignResult = z.infer<typeof autoAssignResultDto>;
export type Identification = z.infer<typeof identificationDto>;
export type ObjectionReceipt = z.infer<typeof objectionReceiptDto>;
export type PanelAssignment = z.infer<typeof panelAssignmentDto>;
export type PanelExpert = z.infer<typeof panelExpertDto>;
export type PublicityItem = z.infer<typeof publicityItemDto>;
export type CreatePanelBody = z.input<typeof createPanelBody>;
export type CreatePublicityBody = z.input<typeof createPublicityBody>;
export type CreateNoticeBody = z.input<typeof createNoticeBody>;
export type ResolveObjectionBody = z.input<typeof resolveObjectionBody>;
export type IdentifyBody = z.input<typeof identifyBody>;
export type WorkingDays = { from: string; days: number; endsOn: string; provisional: boolean };

/** The `details` of a 409 when a panel cannot move on: what is still pending, in whatever shape the server says. */
export type PhaseBlocker = { path?: string; message?: string; declarationId?: string } | string;

const V1 = '/api/v1';
const enc = encodeURIComponent;
const campaign = (year: number) => `${V1}/campaigns/${year}`;
const panel = (id: string) => `${V1}/panels/${enc(id)}`;

export const ministryApi = {
  overview: (year: number, signal?: AbortSignal) =>
    http.get<CampaignOverviewDto>(`${campaign(year)}/overview`, undefined, signal),
  createCampaign: (body: Campaign) => http.post<CampaignDto>(`${V1}/campaigns`, body),
  updateCampaign: (year: number, body: Omit<Campaign, 'year'>) =>
    http.patch<CampaignDto>(campaign(year), body),
  experts: (signal?: AbortSignal) => http.get<{ items: PanelExpert[] }>(`${V1}/experts`, undefined, signal),

  panels: (year: number, signal?: AbortSignal) =>
    http.get<{ items: PanelSummaryDto[] }>(`${campaign(year)}/panels`, undefined, signal),
  createPanel: (year: number, body: CreatePanelBody) =>
    http.post<PanelDetailDto>(`${campaign(year)}/panels`, body),
  panel: (id: string, signal?: AbortSignal) => http.get<PanelDetailDto>(panel(id), undefined, signal),
  patchPanel: (id: string, body: { name?: string; expertIds?: string[]; expertsPerDeclaration?: number }) =>
    http.patch<PanelDetailDto>(panel(id), body),
  addDeclarations: (id: string, declarationIds: string[]) =>
    http.post<PanelDetailDto>(`${panel(id)}/declarations`, { declarationIds }),
  removeDeclaration: (id: string, declarationId: string) =>
    http.delete<PanelDetailDto>(`${panel(id)}/declarations/${enc(declarationId)}`),
  addExpert: (id: string, declarationId: string, expertId: string) =>
    http.post<PanelDetailDto>(`${panel(id)}/declarations/${enc(declarationId)}/experts`, { expertId }),
  removeAssignment: (id: string, assignmentId: string) =>
    http.delete<PanelDetailDto>(`${panel(id)}/assignments/${enc(assignmentId)}`),
  autoAssign: (year: number) => http.post<AutoAssignResult>(`${campaign(year)}/panels/auto-assign`, {}),
  advancePhase: (id: string, phase: Exclude<PanelPhase, 'scoring'>) =>
    http.post<PanelDetailDto>(`${panel(id)}/phase`, { phase }),
  consensus: (id: string, declarationId: string, comment: string) =>
    http.put<PanelDetailDto>(`${panel(id)}/declarations/${enc(declarationId)}/consensus`, { comment }),

  results: (year: number, signal?: AbortSignal) =>
    http.get<ResultsDto>(`${campaign(year)}/results`, undefined, signal),
  shortlist: (year: number, declarationIds: string[]) =>
    http.put<ResultsDto>(`${campaign(year)}/shortlist`, { declarationIds }),
  addWorkingDays: (from: string, days: number, signal?: AbortSignal) =>
    http.get<WorkingDays>(`${V1}/calendar/add-working-days`, { from, days }, signal),
  createPublicity: (year: number, body: CreatePublicityBody) =>
    http.post<PublicityDto>(`${campaign(year)}/publicity`, body),
  publicity: (year: number, signal?: AbortSignal) =>
    http.get<{ items: PublicityDto[] }>(`${campaign(year)}/publicity`, undefined, signal),
  objections: (year: number, signal?: AbortSignal) =>
    http.get<{ items: ObjectionDto[] }>(`${campaign(year)}/objections`, undefined, signal),
  evidenceUrl: (objectionId: string) => `${V1}/objections/${enc(objectionId)}/evidence`,
  resolveObjection: (objectionId: string, body: ResolveObjectionBody) =>
    http.post<ObjectionDto>(`${V1}/objections/${enc(objectionId)}/resolve`, body),
  identify: (year: number, body: IdentifyBody) =>
    http.post<Identification>(`${campaign(year)}/identification`, body),
  createNotice: (body: CreateNoticeBody) => http.post<NoticeDto>(`${V1}/notices`, body),
};

export const clustersApi = {
  list: (query: Query, signal?: AbortSignal) => http.get<Page<ClusterDto>>(`${V1}/clusters`, query, signal),
  certificateUrl: (id: string) => `${V1}/clusters/${enc(id)}/certificate.pdf`,
};

export const notificationsApi = {
  list: (signal?: AbortSignal) =>
    http.get<{ items: NotificationDto[]; unread: number }>(`${V1}/notifications`, undefined, signal),
  read: (id: string) => http.post<void>(`${V1}/notifications/${enc(id)}/read`),
};

export interface ObjectionForm {
  declarationId: string;
  realName: string;
  contact: string;
  reason: string;
  file?: File | null;
}

export const publicApi = {
  publicity: (signal?: AbortSignal) =>
    http.get<{ items: PublicityDto[] }>(`${V1}/public/publicity`, undefined, signal),
  notices: (query: Query, signal?: AbortSignal) =>
    http.get<Page<NoticeDto>>(`${V1}/public/notices`, query, signal),
  /** Files an objection as multipart (the evidence file is optional); fields go before the file. */
  async object(form: ObjectionForm): Promise<ObjectionReceipt> {
    const body = new FormData();
    body.append('declarationId', form.declarationId);
    body.append('realName', form.realName);
    body.append('contact', form.contact);
    body.append('reason', form.reason);
    if (form.file) body.append('file', form.file, form.file.name);
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = currentCsrfToken();
    if (token) headers['x-csrf-token'] = token;
    let res: Response;
    try {
      res = await fetch(`${V1}/public/objections`, {
        method: 'POST',
        body,
        headers,
        credentials: 'same-origin',
      });
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
    return parsed as ObjectionReceipt;
  },
};
