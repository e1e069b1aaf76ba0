// Expert scoring (the expert's assignments and score sheets, the unit's invitations and aggregate) and the
// unit's on-site inspections (实地抽查). Areas, weights, aggregation rules and the checklist live in domain/.
import type { PeerScoresDto } from '../../../domain/ministry-contract.ts';
import type { PanelPhase } from '../../../domain/panels.ts';
import type { Aggregate, Aggregation } from '../../../domain/scoring.ts';
import { http } from './client.ts';

export interface Assignment {
  assignmentId: string;
  declarationId: string;
  clusterName: string;
  countyName: string;
  campaignYear: number;
  level: string;
  scored: boolean;
  total: number | null;
  /** The saved area scores (to revise them) and the campaign's weights the total uses. */
  scores: number[] | null;
  comment: string | null;
  weights: number[];
  /** The ministry's panel, when the assignment is one (null for a unit's invitation). */
  panelId?: string | null;
  panelName?: string | null;
  phase?: PanelPhase | null;
  /** What saving now means: free, a revision that needs a reason (after the reveal), or locked (final). */
  saveKind?: 'free' | 'revision' | 'locked';
  /** The independent total before a revision after the reveal. */
  initialTotal?: number | null;
  revisionReason?: string | null;
}

export type PeerScores = PeerScoresDto;

export interface ScoreResult {
  assignmentId: string;
  scores: number[];
  total: number;
  comment: string;
}

export type ExpertStatus = 'pending' | 'scored' | 'conflict';

export interface ScoreSheetRow {
  assignmentId: string;
  expert: { id: string; displayName: string };
  level: string;
  status: ExpertStatus;
  conflictReason: string | null;
  scores: number[] | null;
  total: number | null;
  comment: string | null;
}

export interface ScoreSheet {
  declarationId: string;
  weights: number[];
  aggregation: Aggregation;
  experts: ScoreSheetRow[];
  aggregate: Aggregate;
}

export interface ExpertAccount {
  id: string;
  displayName: string;
}

export type InspectionStatus = 'planned' | 'done' | 'signed_off' | 'cancelled';
export type InspectionVerdict = 'pass' | 'fail' | 'follow_up';
export interface TeamMember {
  name: string;
  role: string;
  affiliation: string;
}
export interface InspectionFile {
  id: string;
  filename: string;
  size: number;
  sha256: string;
  contentType: string;
  uploadedAt: string;
}
export type Checklist = Record<string, { ok: boolean | null; finding: string }>;

export type InspectionPurpose = 'declaration' | 're_review';

export interface Inspection {
  id: string;
  campaignYear: number | null;
  unitCode: string;
  /** The declaration inspected, or null for a re-review inspection of an identified cluster. */
  declarationId: string | null;
  clusterId: string | null;
  reReviewId: string | null;
  clusterName: string | null;
  divisionCode: string | null;
  countyName: string | null;
  purpose: InspectionPurpose;
  status: InspectionStatus;
  plannedOn: string;
  place: string;
  team: TeamMember[];
  checklist: Checklist;
  verdict: InspectionVerdict | null;
  notes: string;
  version: number;
  signedOffAt: string | null;
  files: InspectionFile[];
}

export interface InspectionPatch {
  plannedOn?: string;
  place?: string;
  team?: TeamMember[];
  checklist?: Checklist;
  verdict?: InspectionVerdict | null;
  notes?: string;
  status?: 'planned' | 'done' | 'cancelled';
}

const V1 = '/api/v1';
const assignment = (id: string) => `${V1}/expert/assignments/${encodeURIComponent(id)}`;
const inspection = (id: string) => `${V1}/inspections/${encodeURIComponent(id)}`;

export const expertApi = {
  assignments: (signal?: AbortSignal) =>
    http.get<{ items: Assignment[] }>(`${V1}/expert/assignments`, undefined, signal),
  saveScore: (assignmentId: string, scores: number[], comment: string, revisionReason?: string) =>
    http.put<ScoreResult>(
      `${assignment(assignmentId)}/score`,
      revisionReason === undefined ? { scores, comment } : { scores, comment, revisionReason },
    ),
  peers: (assignmentId: string, signal?: AbortSignal) =>
    http.get<PeerScoresDto>(`${assignment(assignmentId)}/peers`, undefined, signal),
  declareConflict: (assignmentId: string, reason: string) =>
    http.post<void>(`${assignment(assignmentId)}/conflict`, { reason }),
  experts: (signal?: AbortSignal) => http.get<{ items: ExpertAccount[] }>(`${V1}/experts`, undefined, signal),
  invite: (declarationId: string, expertIds: string[]) =>
    http.post<ScoreSheet>(`${V1}/declarations/${encodeURIComponent(declarationId)}/experts`, { expertIds }),
  scores: (declarationId: string, signal?: AbortSignal) =>
    http.get<ScoreSheet>(`${V1}/declarations/${encodeURIComponent(declarationId)}/scores`, undefined, signal),
};

export const inspectionApi = {
  list: (declarationId: string, signal?: AbortSignal) =>
    http.get<{ items: Inspection[] }>(`${V1}/inspections`, { declarationId }, signal),
  /** The unit's inspections across declarations and re-reviews (the ministry: all). */
  search: (
    filters: { from?: string; to?: string; status?: string; purpose?: InspectionPurpose },
    signal?: AbortSignal,
  ) => http.get<{ items: Inspection[] }>(`${V1}/inspections`, filters, signal),
  get: (id: string, signal?: AbortSignal) => http.get<Inspection>(inspection(id), undefined, signal),
  create: (
    body: ({ declarationId: string } | { clusterId: string }) & {
      plannedOn: string;
      place: string;
      team: TeamMember[];
    },
  ) =>
    http.post<Inspection>(`${V1}/inspections`, {
      ...body,
      purpose: 'clusterId' in body ? 're_review' : 'declaration',
    }),
  patch: (id: string, version: number, body: InspectionPatch) =>
    http.patch<Inspection>(inspection(id), body, { 'if-match': String(version) }),
  signOff: (id: string) => http.post<Inspection>(`${inspection(id)}/sign-off`),
  fileUrl: (id: string, fileId: string) => `${inspection(id)}/files/${encodeURIComponent(fileId)}`,
  uploadUrl: (id: string) => `${inspection(id)}/files`,
};
