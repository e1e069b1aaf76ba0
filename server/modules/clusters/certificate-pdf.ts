import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pdfkit } from '../../platform/lazy-modules.ts';

type Doc = PDFKit.PDFDocument;

// Same fonts and loading as the printable forms (declarations/pdf-layout.ts): read once per process,
// pdfkit embeds only the glyphs used, so the certificate prints the same everywhere.
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
let fontData: Record<keyof typeof FONT_FILES, Buffer> | null = null;

function fontBuffers(): Record<keyof typeof FONT_FILES, Buffer> {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    fontData = {
      regular: readFileSync(require.resolve(FONT_FILES.regular)),
      bold: readFileSync(require.resolve(FONT_FILES.bold)),
    };
  }
  return fontData;
}

export const ISSUING_BODY = '工业和信息化部';

export type CertificateInput = {
  id: string;
  name: string;
  year: number;
  placeName: string;
  divisionCode: string;
  unitName: string;
  leadingIndustry: string;
  subSector: string | null;
  noticeNo: string | null;
  validFrom: string;
  validTo: string;
  extended: boolean;
  demo: boolean;
  generatedAt: Date;
};

/** 2023-01-01 → 2023年1月1日 */
export const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const RED = '#a61b1b';
const TEXT = '#1a1a1a';
const MUTED = '#666666';

/** Writes `text` centred on one line, shrinking the size until it fits `width`. */
function fittedLine(doc: Doc, text: string, y: number, size: number, minSize: number): number {
  const x = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  let s = size;
  doc.font('bold');
  while (s > minSize && doc.fontSize(s).widthOfString(text) > width) s -= 1;
  const height = doc.fontSize(s).heightOfString(text, { width });
  doc.fillColor(TEXT).text(text, x, y, { width, align: 'center', lineBreak: true });
  return y + height;
}

/**
 * The one-page certificate of an identified cluster (A4 landscape): name, county, unit, leading industry,
 * batch, the list notice, validity, issued by MIIT. It restates the published list; the notice itself
 * stays the legal basis, which the certificate says.
 */
export function renderClusterCertificate(c: CertificateInput): Doc {
  const title = `${c.name} 中小企业特色产业集群证书`;
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    // Everything is placed explicitly; the small bottom margin keeps pdfkit from ever starting a second page.
    margins: { top: 70, bottom: 20, left: 90, right: 90 },
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: title,
      Subject: '中小企业特色产业集群认定证书',
      Author: ISSUING_BODY,
      Creator: 'Jiqun',
      CreationDate: c.generatedAt,
    },
  });
  const fonts = fontBuffers();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const { width, height } = doc.page;

  // Double frame.
  doc
    .lineWidth(3)
    .strokeColor(RED)
    .rect(24, 24, width - 48, height - 48)
    .stroke();
  doc
    .lineWidth(0.8)
    .rect(32, 32, width - 64, height - 64)
    .stroke();

  let y = 62;
  doc.font('bold').fontSize(30).fillColor(RED);
  doc.text('中小企业特色产业集群', 0, y, { width, align: 'center', characterSpacing: 6 });
  y += 46;
  doc.font('regular').fontSize(16).fillColor(RED);
  doc.text('认 定 证 书', 0, y, { width, align: 'center', characterSpacing: 8 });
  y += 44;

  y = fittedLine(doc, c.name, y, 24, 14) + 14;
  doc.font('regular').fontSize(12.5).fillColor(TEXT);
  const statement =
    `经推荐单位推荐、专家评审和公示，${c.name}被认定为${c.year}年度中小企业特色产业集群。` +
    (c.extended ? '经复核，有效期延续。' : '');
  const inner = width - doc.page.margins.left - doc.page.margins.right;
  doc.text(statement, doc.page.margins.left, y, { width: inner, align: 'center', lineGap: 3 });
  y = doc.y + 18;

  const fields: [string, string][] = [
    ['所在县级行政区', `${c.placeName}（${c.divisionCode}）`],
    ['推荐单位', c.unitName],
    ['主导产业', c.subSector ? `${c.leadingIndustry}（细分领域：${c.subSector}）` : c.leadingIndustry],
    ['认定批次', `${c.year}年度`],
    ['认定文号', c.noticeNo ?? '—'],
    ['有效期', `${chineseDate(c.validFrom)} 至 ${chineseDate(c.validTo)}`],
  ];
  const labelX = 170;
  const valueX = labelX + 118;
  const valueWidth = width - valueX - 130;
  for (const [label, value] of fields) {
    doc
      .font('bold')
      .fontSize(12)
      .fillColor(MUTED)
      .text(`${label}：`, labelX, y, { width: 116, align: 'right' });
    doc.font('regular').fontSize(12).fillColor(TEXT).text(value, valueX, y, { width: valueWidth });
    y = Math.max(doc.y, y + 17) + 7;
  }

  // Issuer, bottom right, with a ring where the seal goes. No issuing date: for a cluster imported from a
  // list the start of validity may be an estimate (see domain/cluster-import.ts), not a date to certify.
  const issuerY = height - 150;
  const cx = width - 190;
  doc
    .lineWidth(1)
    .strokeColor(RED)
    .opacity(0.35)
    .circle(cx, issuerY + 18, 46)
    .stroke()
    .opacity(1);
  doc.font('bold').fontSize(15).fillColor(TEXT);
  doc.text(`颁发单位：${ISSUING_BODY}`, cx - 150, issuerY, { width: 300, align: 'center' });

  // Footnote: the notice is the legal basis; the record's id lets anyone check the public registry.
  doc.font('regular').fontSize(8.5).fillColor(MUTED);
  doc.text(
    `本证书依据工业和信息化部公布的认定名单生成，以名单通告为准。证书编号：${c.id}。` +
      '可在中小企业特色产业集群公开名录中查验。',
    60,
    height - 72,
    { width: width - 120, align: 'left', lineBreak: true },
  );
  if (c.demo) {
    doc.font('bold').fontSize(10).fillColor(RED);
    doc.text('演示系统生成 · 非正式文件 DEMO', 60, 44, { width: 300 });
  }
  doc.end();
  return doc;
}
