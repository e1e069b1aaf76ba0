import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filenameProblem, safeDisplayName } from './file-type.ts';

describe('client file names', () => {
  it('accepts ordinary names, Chinese ones included', () => {
    for (const name of ['证明材料.pdf', 'report 2024 (final).docx', 'a.b.c.xlsx', undefined, ''])
      assert.equal(filenameProblem(name), null, String(name));
  });
  it('refuses paths, traversal, control and invisible characters, hidden and overlong names', () => {
    assert.equal(filenameProblem('../../etc/passwd.pdf'), 'a path, not a file name');
    assert.equal(filenameProblem('C:\\fakepath\\a.pdf'), 'a path, not a file name');
    assert.equal(filenameProblem('a\u0000b.pdf'), 'control or invisible characters');
    assert.equal(filenameProblem('rtl\u202efdp.exe.pdf'), 'control or invisible characters');
    assert.equal(filenameProblem('..'), 'a hidden or relative name');
    assert.equal(filenameProblem('.htaccess'), 'a hidden or relative name');
    assert.equal(filenameProblem(`${'长'.repeat(300)}.pdf`), 'longer than 255 characters');
  });
  it('still makes any name safe to show (names from older records)', () => {
    assert.equal(safeDisplayName('../x/证明.pdf'), '证明.pdf');
    assert.equal(safeDisplayName('\u202e.pdf'), 'pdf');
  });
});
