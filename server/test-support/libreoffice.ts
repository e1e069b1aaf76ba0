// Opens a file the way an official would, in LibreOffice, and reads back what it shows: `soffice --headless
// --convert-to csv`. Tests use it to prove that our XLSX and CSV downloads open with the right rows, not only
// that exceljs (which wrote them) can read them back. `.ci/run` installs Debian's libreoffice-calc-nogui.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { csvRecords } from '../../domain/cluster-import.ts';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** Why LibreOffice cannot be used here, or false when it can. Pass it to `ctx.skip`. */
export function libreOfficeSkipReason(): string | false {
  return SOFFICE ? false : 'LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui';
}

/**
 * Converts `bytes` (an .xlsx or a UTF-8 .csv, told by `ext`) to CSV with LibreOffice Calc and returns the
 * first sheet's rows as arrays of cell texts. Each call uses its own fresh LibreOffice profile, so calls
 * from parallel test files never share a lock.
 */
export async function rowsInLibreOffice(bytes: Uint8Array, ext: 'xlsx' | 'csv'): Promise<string[][]> {
  if (!SOFFICE) throw new Error(libreOfficeSkipReason() || 'no soffice');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jiqun-soffice-'));
  try {
    const input = path.join(dir, `in.${ext}`);
    await fs.writeFile(input, bytes);
    const out = path.join(dir, 'out');
    await fs.mkdir(out);
    // Filter options: comma separator (44), double-quote text delimiter (34), UTF-8 (76), start at line 1.
    const csvOptions = '44,34,76,1';
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        ...(ext === 'csv' ? [`--infilter=CSV:${csvOptions}`] : []),
        '--convert-to',
        `csv:Text - txt - csv (StarCalc):${csvOptions}`,
        '--outdir',
        out,
        input,
      ],
      { timeout: 120_000 },
    );
    const text = await fs.readFile(path.join(out, 'in.csv'), 'utf8');
    return csvRecords(text.replace(/^\uFEFF/, ''));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
