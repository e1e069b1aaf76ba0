// 通知公告: the ministry and the recommending units write and publish notices with attachments. Registered
// in index.ts; notices.en.ts is typed against this, so a missing English key is a type error.
const noticesZh = {
  nav: {
    notices: '通知公告',
  },
  notices: {
    title: '通知公告',
    intro: '发布的通知在公开门户中向所有人展示；发布日期在今天之后的通知到当天才会公开。',
    introUnit: '推荐单位可发布本单位的推荐通知和其他通知，发布单位自动记为{{unit}}。',
    notAllowed: '只有部里和推荐单位可以发布通知。',
    failed: '操作失败：{{message}}',
    kinds: {
      recommendation: '推荐通知',
      publicity: '公示',
      identification: '认定名单',
      other: '其他',
    },
    form: {
      title: '发布通知',
      kind: '类别',
      titleZh: '中文标题',
      titleZhRequired: '请填写中文标题',
      titleEn: '英文标题',
      titleEnHelp: '选填；英文界面中优先显示。',
      noticeNo: '文号',
      noticeNoPlaceholder: '如：工信部通〔2025〕1号',
      campaignYear: '申报年度',
      publishedOn: '发布日期',
      publishedOnRequired: '请选择发布日期',
      body: '正文',
      submit: '发布',
      published: '通知已发布，可在下方添加附件',
      futureHint: '发布日期在今天之后，到当天才会在公开门户显示。',
    },
    list: {
      title: '本单位已发布的通知',
      titleMinistry: '部里已发布的通知',
      empty: '尚未发布通知',
      columnTitle: '标题',
      columnKind: '类别',
      columnNo: '文号',
      columnDate: '发布日期',
      columnAttachments: '附件',
      view: '查看公开页面',
      manageAttachments: '管理附件',
      loadMore: '加载更多',
      notYetPublic: '未到发布日期',
    },
    attachments: {
      title: '附件',
      none: '暂无附件',
      upload: '上传附件',
      uploadHelp: '支持 PDF、JPEG、PNG、DOCX、XLSX、OFD。',
      uploaded: '已上传 {{name}}',
      remove: '删除',
      removeConfirm: '删除附件“{{name}}”？',
      removed: '附件已删除',
      download: '下载 {{name}}',
    },
  },
};

export type NoticesDictionary = typeof noticesZh;
export default noticesZh;
