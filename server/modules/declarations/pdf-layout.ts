/**
 * Layout primitives for the printable forms: A4 geometry, the embedded Noto Sans SC fonts, headings,
 * paragraphs, bordered tables that break across pages (repeating their header row), check boxes, seal
 * boxes, and the running header and footer stamped on every page once the layout is done.
 * Everything here draws on a pdfkit document created with `bufferPages: true` (see `newA4Document`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pdfkit } from '../../platform/lazy-modules.ts';

type Doc = PDFKit.PDFDocument;

// --- fonts ----------------------------------------------------------------------------------------------

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fontData: Record<FontName, Buffer> | null = null;

/** The two TTF files (about 10 MB each), read once per process; pdfkit embeds only the glyphs used. */
function fontBuffers(): Record<FontName, Buffer> {
  if (!fontData) {
    const require = createRequire(import.meta.url);
    fontData = {
      regular: readFileSync(require.resolve(FONT_FILES.regular)),
      bold: readFileSync(require.resolve(FONT_FILES.bold)),
    };
  }
  return fontData;
}

// --- geometry and style -----------------------------------------------------------------------------------

export const MARGINS = { top: 74, bottom: 70, left: 62, right: 62 } as const;
export const COLORS = {
  text: '#111111',
  muted: '#555555',
  rule: '#333333',
  light: '#999999',
  fill: '#eef1f5',
  headerFill: '#dde3ea',
  red: '#b3261e',
  green: '#1b6e2d',
  amber: '#9a5b00',
} as const;
export const SIZES = { body: 10.5, small: 9, table: 9.5, h1: 14, h2: 11.5, tiny: 8 } as const;
const LINE_GAP = 3;

export type DocumentMeta = { title: string; subject: string; author: string; creationDate: Date };

/** A4 document with buffered pages (for "第 N 页 / 共 M 页"), both fonts registered, body style set. */
export function newA4Document(meta: DocumentMeta): Doc {
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGINS },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject,
      Author: meta.author,
      Creator: 'Jiqun',
      CreationDate: meta.creationDate,
    },
  });
  const fonts = fontBuffers();
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  body(doc);
  return doc;
}

export const left = (doc: Doc) => doc.page.margins.left;
export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottomLimit = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Regular body text, black. */
export function body(doc: Doc, size: number = SIZES.body): Doc {
  return doc.font('regular').fontSize(size).fillColor(COLORS.text);
}

/** Starts a new page unless `height` points still fit above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
  doc.x = left(doc);
}

// --- text blocks ------------------------------------------------------------------------------------------

/**
 * Section heading, e.g. "一、基本信息": bold, with a rule below; starts a new page unless `keepWith` points
 * (the heading and what must stay with it) fit on this one.
 */
export function sectionHeading(doc: Doc, text: string, keepWith = 90): void {
  ensureSpace(doc, keepWith);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(SIZES.h1).fillColor(COLORS.text);
  doc.text(text, left(doc), doc.y, { width: contentWidth(doc) });
  const y = doc.y + 2;
  doc
    .moveTo(left(doc), y)
    .lineTo(left(doc) + contentWidth(doc), y)
    .lineWidth(0.8)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.y = y + 8;
  body(doc);
}

/** Sub-heading, e.g. "（一）核心竞争力". */
export function subHeading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.3);
  doc.font('bold').fontSize(SIZES.h2).fillColor(COLORS.text);
  doc.text(text, left(doc), doc.y, { width: contentWidth(doc) });
  doc.y += 4;
  body(doc);
}

/**
 * Running text: one paragraph per line of `text`, first line indented by two characters; flows across
 * pages. Empty text prints `emptyText` in grey.
 */
export function paragraphs(doc: Doc, text: string, emptyText = '（未填写）'): void {
  const parts = text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) {
    note(doc, emptyText);
    return;
  }
  body(doc);
  for (const p of parts) {
    ensureSpace(doc, doc.currentLineHeight(true) * 2);
    doc.text(p, left(doc), doc.y, {
      width: contentWidth(doc),
      indent: SIZES.body * 2,
      lineGap: LINE_GAP + 1,
      paragraphGap: 5,
    });
  }
  doc.y += 4;
}

/** A small grey remark line. */
export function note(doc: Doc, text: string, color: string = COLORS.muted): void {
  doc.font('regular').fontSize(SIZES.small).fillColor(color);
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc), lineGap: 2 }));
  doc.text(text, left(doc), doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.y += 4;
  body(doc);
}

// --- tables -----------------------------------------------------------------------------------------------

export type Align = 'left' | 'center' | 'right';
export type CellSpec = { text: string; bold?: boolean; align?: Align; fill?: string; color?: string };
export type Cell = string | CellSpec;
/** `width` is relative: the columns share the content width in proportion. */
export type Column = { header?: string; width: number; align?: Align };
export type TableOptions = {
  fontSize?: number;
  /** Shade and bold the cells of these columns (labels of a key–value table). */
  labelColumns?: readonly number[];
};

const PAD_X = 5;
const PAD_Y = 4;

const spec = (cell: Cell | undefined): CellSpec =>
  typeof cell === 'string' ? { text: cell } : (cell ?? { text: '' });

/**
 * A bordered table at the current position, full content width. Rows never split: a row that does not
 * fit starts a new page, where the header row (if any column has a header) is drawn again. A cell taller
 * than a page is cut with an ellipsis.
 */
export function table(
  doc: Doc,
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  opts: TableOptions = {},
) {
  const fontSize = opts.fontSize ?? SIZES.table;
  const x0 = left(doc);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const labelCols = new Set(opts.labelColumns ?? []);
  const header: CellSpec[] | null = columns.some((c) => c.header !== undefined)
    ? columns.map((c) => ({ text: c.header ?? '', bold: true, align: 'center', fill: COLORS.headerFill }))
    : null;

  const styled = (row: readonly Cell[]): CellSpec[] =>
    columns.map((c, i) => {
      const s = spec(row[i]);
      const label = labelCols.has(i);
      return {
        ...s,
        align: s.align ?? c.align ?? 'left',
        bold: s.bold ?? label,
        fill: s.fill ?? (label ? COLORS.fill : undefined),
      };
    });

  const textHeight = (c: CellSpec, w: number) => {
    doc.font(c.bold ? 'bold' : 'regular').fontSize(fontSize);
    return doc.heightOfString(c.text === '' ? ' ' : c.text, { width: w - 2 * PAD_X, lineGap: 2 });
  };
  const maxRow = bottomLimit(doc) - doc.page.margins.top - 40;
  const rowHeight = (cells: CellSpec[]) =>
    Math.min(maxRow, Math.max(...cells.map((c, i) => textHeight(c, widths[i] ?? 0))) + 2 * PAD_Y);

  const drawRow = (cells: CellSpec[], y: number, h: number) => {
    let x = x0;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      if (c.fill) doc.rect(x, y, w, h).fillColor(c.fill).fill();
      doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      const th = Math.min(textHeight(c, w), h - 2 * PAD_Y);
      doc.fillColor(c.color ?? COLORS.text);
      doc.text(c.text, x + PAD_X, y + Math.max(PAD_Y, (h - th) / 2), {
        width: w - 2 * PAD_X,
        height: h - 2 * PAD_Y + 1,
        ellipsis: true,
        align: c.align ?? 'left',
        lineGap: 2,
      });
      x += w;
    });
  };

  const headerHeight = header ? rowHeight(header) : 0;
  let y = doc.y;
  const startPage = (first: boolean) => {
    if (!first) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    if (header) {
      drawRow(header, y, headerHeight);
      y += headerHeight;
    }
  };
  const body0 = rows[0] ? rowHeight(styled(rows[0])) : 0;
  startPage(y + headerHeight + body0 <= bottomLimit(doc));
  for (const row of rows) {
    const cells = styled(row);
    const h = rowHeight(cells);
    if (y + h > bottomLimit(doc)) startPage(false);
    drawRow(cells, y, h);
    y += h;
  }
  doc.x = x0;
  doc.y = y + 8;
  body(doc);
}

// --- form furniture ---------------------------------------------------------------------------------------

/**
 * A check box followed by wrapped text. Noto Sans SC has no ☑/☐, so the box is drawn and a checked box
 * holds the glyph ✓ (which the text layer keeps, so a copied or extracted text still shows the tick).
 */
export function checkItem(doc: Doc, checked: boolean, text: string): void {
  const size = 10;
  const indent = 18;
  body(doc);
  const h = doc.heightOfString(text, { width: contentWidth(doc) - indent, lineGap: LINE_GAP });
  ensureSpace(doc, h + 6);
  const x = left(doc);
  const y = doc.y;
  doc
    .rect(x, y + 2.5, size, size)
    .lineWidth(0.8)
    .strokeColor(COLORS.rule)
    .stroke();
  if (checked) {
    doc.font('bold').fontSize(9).fillColor(COLORS.text);
    doc.text('✓', x + 1.2, y + 1.2, { width: size, lineBreak: false });
    body(doc);
  }
  doc.text(text, x + indent, y, { width: contentWidth(doc) - indent, lineGap: LINE_GAP });
  doc.x = x;
  doc.y += 6;
}

/** A bordered box for a seal (盖章) with a caption at the top and a date line at the bottom. */
export function sealBox(doc: Doc, x: number, y: number, w: number, h: number, caption: string): void {
  doc.rect(x, y, w, h).lineWidth(0.8).strokeColor(COLORS.rule).stroke();
  doc.font('bold').fontSize(SIZES.body).fillColor(COLORS.text);
  doc.text(caption, x + 8, y + 10, { width: w - 16, align: 'center' });
  doc.font('regular').fontSize(SIZES.body).fillColor(COLORS.light);
  doc.text('（盖章）', x + 8, y + h / 2 - 8, { width: w - 16, align: 'center' });
  doc.fillColor(COLORS.text);
  doc.text('日期：        年      月      日', x + 8, y + h - 24, { width: w - 16, align: 'center' });
  body(doc);
}

/** A label, then the value on an underline (cover-page fields). */
export function underlinedField(doc: Doc, label: string, value: string, labelWidth: number): void {
  const x = left(doc);
  const w = contentWidth(doc) - labelWidth;
  doc.font('bold').fontSize(11.5).fillColor(COLORS.text);
  const labelH = doc.heightOfString(label, { width: labelWidth - 6 });
  const y = doc.y;
  doc.text(label, x, y, { width: labelWidth - 6, align: 'right' });
  doc.font('regular').fontSize(11.5);
  const valueH = doc.heightOfString(value, { width: w });
  doc.text(value, x + labelWidth, y, { width: w, lineGap: 2 });
  const bottom = y + Math.max(labelH, valueH) + 2;
  doc
    .moveTo(x + labelWidth, bottom)
    .lineTo(x + labelWidth + w, bottom)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke();
  doc.x = x;
  doc.y = bottom + 12;
  body(doc);
}

// --- running header and footer ---------------------------------------------------------------------------

export type PageDecoration = {
  /** Left of the header line (the cluster name). */
  headerLeft: string;
  /** Right of the header line (form title, draft or demo markers). */
  headerRight: string;
  /** Left of the footer (declaration id and version). */
  footerLeft: string;
  /** Right of the footer (generation time). */
  footerRight: string;
  /** Header text in red (drafts). */
  alert: boolean;
};

/** Stamps header and footer on every buffered page; "第 N 页 / 共 M 页" in the middle of the footer. */
export function decoratePages(doc: Doc, d: PageDecoration): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not add a page
    const x = MARGINS.left;
    const w = width - MARGINS.left - MARGINS.right;
    const one = { lineBreak: false, height: 12, ellipsis: true } as const;

    const hy = MARGINS.top - 32;
    doc.font('regular').fontSize(SIZES.tiny);
    const rightW = Math.min(w * 0.62, doc.widthOfString(d.headerRight) + 4);
    doc.fillColor(COLORS.muted);
    doc.text(d.headerLeft, x, hy, { ...one, width: w - rightW - 12 });
    doc.fillColor(d.alert ? COLORS.red : COLORS.muted);
    doc.text(d.headerRight, x + w - rightW, hy, { ...one, width: rightW, align: 'right' });
    doc
      .moveTo(x, hy + 14)
      .lineTo(x + w, hy + 14)
      .lineWidth(0.5)
      .strokeColor(COLORS.light)
      .stroke();

    const fy = height - MARGINS.bottom + 30;
    doc
      .moveTo(x, fy - 6)
      .lineTo(x + w, fy - 6)
      .lineWidth(0.5)
      .strokeColor(COLORS.light)
      .stroke();
    // Page number centred on the page; the two sides take what they need and share the rest.
    const pageText = `第 ${i - range.start + 1} 页 / 共 ${range.count} 页`;
    doc.fontSize(SIZES.small);
    const centreW = doc.widthOfString(pageText) + 16;
    doc.fontSize(SIZES.tiny);
    const sideW = (w - centreW) / 2;
    doc.fillColor(COLORS.muted);
    doc.text(d.footerLeft, x, fy, { ...one, width: sideW });
    doc.text(d.footerRight, x + w - sideW, fy, { ...one, width: sideW, align: 'right' });
    doc.fillColor(COLORS.text).fontSize(SIZES.small);
    doc.text(pageText, x + sideW, fy - 0.5, { ...one, width: centreW, align: 'center' });
    doc.page.margins.bottom = savedBottom;
  }
  body(doc);
}
