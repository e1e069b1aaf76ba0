// Declarations endpoints. Every response type is inferred from the shared API contract in domain/.
import type { AttachmentDto, DeclarationDto, DeclarationSummaryDto } from '../../../domain/api-contract.ts';
import type { Campaign } from '../../../domain/campaigns.ts';
import type { DeclarationContent, FormSectionKey, MissingItem } from '../../../domain/declaration-form.ts';
import type { Change } from '../../../domain/diff.ts';
import type { StandardsResult } from '../../../domain/standards.ts';
import type { DeclarationStatus } from '../../../domain/workflow.ts';
import { ApiError, apiErrorFromBody, currentCsrfToken, http, NETWORK_ERROR, type Query } from './client.ts';
import type { Page } from './types.ts';

export { DECLARATION_STATUSES, STATUS_LABELS } from '../../../domain/workflow.ts';
export type { Campaign, DeclarationStatus, MissingItem, StandardsResult };

export type ActorRef = NonNullable<AttachmentDto['uploadedBy']>;
export type Attachment = AttachmentDto;

/** What the county UI does with a declaration; the server lists those allowed now in `allowedActions`. */
export type DeclarationAction =
  | 'edit'
  | 'submit'
  | 'withdraw'
  | 'upload'
  | 'delete_attachment'
  | 'download_pdf';

export type Declaration = DeclarationDto;
export type DeclarationSummary = DeclarationSummaryDto;

export interface HistoryEntry {
  at: string;
  action: string;
  version: number | null;
  fromStatus: DeclarationStatus | null;
  toStatus: DeclarationStatus | null;
  actor: ActorRef | null;
  comment: string | null;
}

export interface VersionSnapshot {
  version: number;
  content: DeclarationContent;
  attachments: Attachment[];
  createdAt: string;
}

export interface VersionDiff {
  from: number;
  to: number;
  changes: Change[];
}

/** The `details` entry of a 409 VERSION_CONFLICT. */
export interface VersionConflictDetail {
  message?: string;
  currentVersion: number;
  current?: Declaration;
}

/** The first VERSION_CONFLICT detail of an error, when it is one. */
export function versionConflictOf(err: unknown): VersionConflictDetail | null {
  if (!(err instanceof ApiError) || err.code !== 'VERSION_CONFLICT') return null;
  const d = err.details[0] as Partial<VersionConflictDetail> | undefined;
  return { currentVersion: typeof d?.currentVersion === 'number' ? d.currentVersion : -1, ...d };
}

/** A missing item of a 400 VALIDATION_FAILED on submit (the server may leave out `section`). */
export type MissingDetail = { path: string; section?: FormSectionKey; message: string };

const V1 = '/api/v1';
const base = (id: string) => `${V1}/declarations/${encodeURIComponent(id)}`;

export const declarationUrls = {
  pdf: (id: string, version?: number | null) =>
    `${base(id)}/form.pdf${version ? `?version=${encodeURIComponent(version)}` : ''}`,
  attachment: (id: string, attachmentId: string) =>
    `${base(id)}/attachments/${encodeURIComponent(attachmentId)}`,
};

export const declarationsApi = {
  campaigns: (signal?: AbortSignal) => http.get<Page<Campaign>>(`${V1}/campaigns`, undefined, signal),
  list: (query: Query, signal?: AbortSignal) =>
    http.get<Page<DeclarationSummary>>(`${V1}/declarations`, query, signal),
  create: (body: { campaignYear: number } & Partial<DeclarationContent>) =>
    http.post<Declaration>(`${V1}/declarations`, body),
  get: (id: string, signal?: AbortSignal) => http.get<Declaration>(base(id), undefined, signal),
  /** A JSON merge patch of changed content, made against `version`; 409 VERSION_CONFLICT when stale. */
  patch: (id: string, version: number, patch: Record<string, unknown>) =>
    http.patch<Declaration>(base(id), patch, { 'if-match': String(version) }),
  standards: (id: string, signal?: AbortSignal) =>
    http.get<StandardsResult>(`${base(id)}/standards`, undefined, signal),
  deleteAttachment: (id: string, attachmentId: string) =>
    http.delete<void>(declarationUrls.attachment(id, attachmentId)),
  action: (id: string, action: 'submit' | 'withdraw', body: { comment?: string } = {}) =>
    http.post<Declaration>(`${base(id)}/actions/${action}`, body),
  history: (id: string, signal?: AbortSignal) =>
    http.get<{ items: HistoryEntry[] }>(`${base(id)}/history`, undefined, signal),
  version: (id: string, version: number, signal?: AbortSignal) =>
    http.get<VersionSnapshot>(`${base(id)}/versions/${version}`, undefined, signal),
  diff: (id: string, from: number, to: number, signal?: AbortSignal) =>
    http.get<VersionDiff>(`${base(id)}/diff`, { from, to }, signal),
};

export interface UploadHandle {
  /** Resolves with the stored attachment; rejects with an ApiError (or an AbortError when cancelled). */
  done: Promise<Attachment>;
  abort(): void;
}

/**
 * Uploads one evidence file with progress (fetch cannot report upload progress). The category goes first
 * in the multipart body so the server knows it before the file streams in.
 */
export function uploadAttachment(
  id: string,
  category: string,
  file: File,
  onProgress: (percent: number) => void,
): UploadHandle {
  return uploadMultipart<Attachment>(`${base(id)}/attachments`, { category }, file, onProgress);
}

/** POSTs `fields` then `file` as multipart with upload progress; shared by every file upload. */
export function uploadMultipart<T>(
  url: string,
  fields: Record<string, string>,
  file: File,
  onProgress: (percent: number) => void,
): { done: Promise<T>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // Not JSON: the error below says so by status.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(apiErrorFromBody(xhr.status, xhr.statusText, body));
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, 'network error'));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
