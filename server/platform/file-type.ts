import type { FileHandle } from 'node:fs/promises';

/** The evidence file types Jiqun accepts, recognised by their bytes, never by name or client header. */
export type SniffedType = { ext: 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx' | 'ofd'; mime: string };

const MIME = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
} as const;

export class ZipBombError extends Error {}

// A document expanding more than this is refused as a likely zip bomb (real DOCX/XLSX stay far below).
const MAX_ZIP_RATIO = 200;
const MAX_ZIP_EXPANDED = 2 * 1024 ** 3;

/** What the sniffer reads from: an open file, or bytes already in memory (see `bufferReader`). */
export type ByteReader = Pick<FileHandle, 'read'>;

/** Bytes in memory read like a file (for small uploads a route buffers, such as an import list). */
export function bufferReader(bytes: Buffer): ByteReader {
  return {
    read: (async (buffer: Buffer, offset: number, length: number, position: number) => {
      const bytesRead = bytes.copy(buffer, offset, position, Math.min(bytes.length, position + length));
      return { bytesRead, buffer };
    }) as FileHandle['read'],
  };
}

/**
 * Reads a ZIP's central directory (from the end of the file) and returns its entry names and the total
 * uncompressed size. Null when the bytes are not a well-formed ZIP.
 */
export async function zipEntries(
  file: ByteReader,
  size: number,
): Promise<{ names: string[]; expanded: number } | null> {
  const tailLength = Math.min(size, 65_557);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirOffset + dirSize > size || dirSize > 16 * 1024 * 1024) return null;
  const dir = Buffer.alloc(dirSize);
  await file.read(dir, 0, dirSize, dirOffset);
  const names: string[] = [];
  let expanded = 0;
  let p = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) return null;
    expanded += dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    names.push(dir.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { names, expanded };
}

/**
 * Recognises PDF, JPEG, PNG, DOCX, XLSX and OFD (the Chinese fixed-layout format) from the file's bytes.
 * Office and OFD files are ZIPs told apart by their entries; an implausibly expanding ZIP throws.
 */
export async function sniffFileType(file: ByteReader, size: number): Promise<SniffedType | null> {
  const head = Buffer.alloc(Math.min(size, 16));
  await file.read(head, 0, head.length, 0);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { ext: 'pdf', mime: MIME.pdf };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { ext: 'jpg', mime: MIME.jpg };
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { ext: 'png', mime: MIME.png };
  }
  // A file shorter than a ZIP signature is nothing we accept (and must not make the read throw).
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) {
    const zip = await zipEntries(file, size);
    if (!zip) return null;
    if (zip.expanded > MAX_ZIP_EXPANDED || zip.expanded > size * MAX_ZIP_RATIO) {
      throw new ZipBombError('The archive expands implausibly (zip bomb?)');
    }
    const has = (prefix: string) => zip.names.some((n) => n.startsWith(prefix));
    if (zip.names.includes('[Content_Types].xml') && has('word/')) return { ext: 'docx', mime: MIME.docx };
    if (zip.names.includes('[Content_Types].xml') && has('xl/')) return { ext: 'xlsx', mime: MIME.xlsx };
    if (zip.names.includes('OFD.xml')) return { ext: 'ofd', mime: MIME.ofd };
  }
  return null;
}

const EXTENSIONS: Record<SniffedType['ext'], readonly string[]> = {
  pdf: ['pdf'],
  jpg: ['jpg', 'jpeg'],
  png: ['png'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  ofd: ['ofd'],
};

/**
 * Whether a file name's extension agrees with the recognised content. A name without an extension is
 * fine (the content decides); `setup.exe`, `scan.png` holding a PDF or `page.html` are not — such a file
 * would open in the wrong program on the reviewer's desk.
 */
export function extensionMatches(filename: string, type: SniffedType): boolean {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1]?.toLowerCase();
  return ext === undefined || EXTENSIONS[type.ext].includes(ext);
}

/**
 * A display name safe to show and to put in Content-Disposition: no path, no control or format (bidi, zero-width) characters,
 * at most 200 characters, Unicode-normalised. Chinese names stay as they are.
 */
export function safeDisplayName(raw: string | undefined): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/^\.+/, '')
    .trim();
  return (cleaned || 'file').slice(0, 200);
}

/**
 * Why a client's file name is refused, or null when it is an ordinary name. Browsers send a bare name; a
 * path, control or invisible (bidi, zero-width) characters, a hidden or relative name, or more than 255
 * characters come from a hostile or broken client, and are refused rather than silently rewritten.
 */
export function filenameProblem(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (/[\\/]/.test(raw)) return 'a path, not a file name';
  if (/[\p{Cc}\p{Cf}]/u.test(raw)) return 'control or invisible characters';
  if (raw.startsWith('.')) return 'a hidden or relative name';
  if ([...raw].length > 255) return 'longer than 255 characters';
  return null;
}

/** RFC 6266/5987 Content-Disposition for a download with a UTF-8 name and an ASCII fallback. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
