// The calls that write notices: publish, attach a file (with upload progress), remove an attachment.
// Reading goes through the public routes (api/public.ts), which is what everyone sees.
import type { QueryClient } from '@tanstack/react-query';
import type { NOTICE_KINDS, NoticeAttachmentDto, NoticeDto } from '../../../../domain/ministry-contract.ts';
import { http } from '../../api/client.ts';
import { uploadMultipart } from '../../api/declarations.ts';

export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface CreateNotice {
  kind: NoticeKind;
  campaignYear: number | null;
  noticeNo: string | null;
  title: string;
  titleEn: string | null;
  body: string;
  publishedOn: string;
}

const base = '/api/v1/notices';

export const noticesApi = {
  create: (body: CreateNotice) => http.post<NoticeDto>(base, body),
  upload: (noticeId: string, file: File, onProgress: (percent: number) => void) =>
    uploadMultipart<NoticeAttachmentDto>(
      `${base}/${encodeURIComponent(noticeId)}/attachments`,
      {},
      file,
      onProgress,
    ),
  removeAttachment: (noticeId: string, attachmentId: string) =>
    http.delete<void>(
      `${base}/${encodeURIComponent(noticeId)}/attachments/${encodeURIComponent(attachmentId)}`,
    ),
};

/** The kinds a role may publish: units only their recommendation notices and others. */
export function kindsFor(role: string | undefined): NoticeKind[] {
  return role === 'unit'
    ? ['recommendation', 'other']
    : ['recommendation', 'publicity', 'identification', 'other'];
}

/** Refetch every public notice view (lists and single notices) after a change. */
export function invalidateNotices(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['public', 'notices'] });
  void queryClient.invalidateQueries({ queryKey: ['public', 'notice'] });
}
