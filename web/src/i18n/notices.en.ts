import type { NoticesDictionary } from './notices.zh-CN.ts';

const noticesEn: NoticesDictionary = {
  nav: {
    notices: 'Notices',
  },
  notices: {
    title: 'Notices',
    intro:
      'Published notices are shown to everyone on the public portal; a notice dated after today becomes public on that day.',
    introUnit:
      'A recommending unit publishes its own recommendation and other notices; they are published as {{unit}}.',
    notAllowed: 'Only the ministry and the recommending units publish notices.',
    failed: 'That did not work: {{message}}',
    kinds: {
      recommendation: 'Recommendation notice',
      publicity: 'Publicity',
      identification: 'Identification list',
      other: 'Other',
    },
    form: {
      title: 'Publish a notice',
      kind: 'Kind',
      titleZh: 'Chinese title',
      titleZhRequired: 'Enter the Chinese title',
      titleEn: 'English title',
      titleEnHelp: 'Optional; shown first in the English interface.',
      noticeNo: 'Notice number',
      noticeNoPlaceholder: 'e.g. 工信部通〔2025〕1号',
      campaignYear: 'Campaign year',
      publishedOn: 'Publication date',
      publishedOnRequired: 'Choose the publication date',
      body: 'Text',
      submit: 'Publish',
      published: 'Notice published; add attachments below',
      futureHint: 'Dated after today: it appears on the public portal on that day.',
    },
    list: {
      title: 'Notices your unit has published',
      titleMinistry: 'Notices the ministry has published',
      empty: 'No notices published yet',
      columnTitle: 'Title',
      columnKind: 'Kind',
      columnNo: 'Number',
      columnDate: 'Date',
      columnAttachments: 'Attachments',
      view: 'View public page',
      manageAttachments: 'Manage attachments',
      loadMore: 'Load more',
      notYetPublic: 'Not yet public',
    },
    attachments: {
      title: 'Attachments',
      none: 'No attachments',
      upload: 'Upload attachment',
      uploadHelp: 'PDF, JPEG, PNG, DOCX, XLSX or OFD.',
      uploaded: 'Uploaded {{name}}',
      remove: 'Remove',
      removeConfirm: 'Remove the attachment “{{name}}”?',
      removed: 'Attachment removed',
      download: 'Download {{name}}',
    },
  },
};

export default noticesEn;
