import { describe, expect, it } from 'vitest';
import { type DeclarationContent, emptyDeclarationContent } from '../../../../domain/declaration-form.ts';
import type { Declaration } from '../../api/declarations.ts';
import {
  type EditorState,
  initialState,
  receiveDeclaration,
  resolvedState,
  savedState,
} from './editor-state.ts';

const EDITABLE = ['download_pdf', 'edit', 'upload', 'delete_attachment', 'submit'];

function decl(
  version: number,
  content: Partial<DeclarationContent> = {},
  allowedActions = EDITABLE,
): Declaration {
  return {
    ...emptyDeclarationContent(),
    ...content,
    id: 'd1',
    campaignYear: 2026,
    formVersion: '2022',
    standardsVersion: '2022',
    divisionCode: '330281',
    divisionName: '余姚市',
    unitCode: '330200',
    unitName: '宁波市',
    status: allowedActions.includes('edit') ? 'draft' : 'submitted',
    version,
    submittedVersion: null,
    createdAt: '',
    updatedAt: '',
    submittedAt: null,
    updatedBy: null,
    attachments: [],
    missing: [],
    completeness: 0,
    allowedActions,
    unitDecision: null,
  };
}

const typed = (s: EditorState, patch: Partial<DeclarationContent>): EditorState => ({
  ...s,
  local: { ...s.local, ...patch },
});

describe('initialState', () => {
  it('starts from the server without a browser copy', () => {
    const s = initialState(decl(1, { clusterName: 'A' }), null);
    expect(s.local.clusterName).toBe('A');
    expect(s.restored).toBe(false);
    expect(s.conflict).toBeNull();
  });

  it('restores a copy made on the same version', () => {
    const base = emptyDeclarationContent();
    const draft = { version: 1, base, local: { ...base, zoneName: 'Z' }, savedAt: '' };
    const s = initialState(decl(1), { draft, tab: 't' });
    expect(s.local.zoneName).toBe('Z');
    expect(s.restored).toBe(true);
    expect(s.baseVersion).toBe(1);
  });

  it('asks when the server moved on since the copy was made', () => {
    const base = emptyDeclarationContent();
    const draft = { version: 1, base, local: { ...base, zoneName: 'Z' }, savedAt: '' };
    const s = initialState(decl(2, { clusterName: 'theirs' }), { draft, tab: 't' });
    expect(s.conflict?.current.version).toBe(2);
    expect(s.baseVersion).toBe(1);
    expect(s.local.zoneName).toBe('Z');
  });

  it('parks a copy while the declaration is not editable', () => {
    const base = emptyDeclarationContent();
    const draft = { version: 1, base, local: { ...base, zoneName: 'Z' }, savedAt: '' };
    const s = initialState(decl(1, {}, ['download_pdf']), { draft, tab: 't' });
    expect(s.parkedDraftVersion).toBe(1);
    expect(s.local.zoneName).toBeNull();
  });
});

describe('receiveDeclaration', () => {
  const start = () => initialState(decl(1, { clusterName: 'A' }), null);

  it('adopts a newer version when nothing of mine is pending', () => {
    const s = receiveDeclaration(start(), decl(2, { clusterName: 'B' }));
    expect(s.local.clusterName).toBe('B');
    expect(s.baseVersion).toBe(2);
    expect(s.conflict).toBeNull();
  });

  it('keeps my edits when only the version moved', () => {
    const s = receiveDeclaration(typed(start(), { zoneName: 'Z' }), decl(2, { clusterName: 'A' }));
    expect(s.local.zoneName).toBe('Z');
    expect(s.baseVersion).toBe(2);
    expect(s.conflict).toBeNull();
  });

  it('is a conflict when both changed content', () => {
    const s = receiveDeclaration(typed(start(), { zoneName: 'Z' }), decl(2, { clusterName: 'B' }));
    expect(s.conflict?.current.version).toBe(2);
    expect(s.baseVersion).toBe(1);
  });

  it('needs nothing resolved when the server has exactly my content', () => {
    const s = receiveDeclaration(
      typed(start(), { zoneName: 'Z' }),
      decl(2, { clusterName: 'A', zoneName: 'Z' }),
    );
    expect(s.conflict).toBeNull();
    expect(s.baseVersion).toBe(2);
  });

  it('parks my edits when it was submitted elsewhere', () => {
    const s = receiveDeclaration(
      typed(start(), { zoneName: 'Z' }),
      decl(1, { clusterName: 'A' }, ['download_pdf']),
    );
    expect(s.locked).toBe(true);
    expect(s.local.zoneName).toBe('Z');
  });
});

describe('savedState and resolvedState', () => {
  it('carries over what was typed during the save', () => {
    const s0 = typed(initialState(decl(1), null), { clusterName: 'A' });
    const sent = s0.local;
    const s1 = typed({ ...s0, saving: true }, { zoneName: 'typed meanwhile' });
    const s2 = savedState(s1, sent, decl(2, { clusterName: 'A' }), new Date(0));
    expect(s2.baseVersion).toBe(2);
    expect(s2.local).toMatchObject({ clusterName: 'A', zoneName: 'typed meanwhile' });
    expect(s2.saving).toBe(false);
  });

  it('keep mine puts my edits on the current version', () => {
    const conflicted = receiveDeclaration(
      typed(initialState(decl(1, { clusterName: 'A' }), null), { zoneName: 'Z' }),
      decl(3, { clusterName: 'B' }),
    );
    const mine = resolvedState(conflicted, 'mine');
    expect(mine.local).toMatchObject({ clusterName: 'B', zoneName: 'Z' });
    expect(mine.baseVersion).toBe(3);
    expect(mine.conflict).toBeNull();
    const theirs = resolvedState(conflicted, 'theirs');
    expect(theirs.local).toMatchObject({ clusterName: 'B', zoneName: null });
    const picked = resolvedState(conflicted, { choices: { clusterName: 'mine', zoneName: 'theirs' } });
    expect(picked.local).toMatchObject({ clusterName: 'A', zoneName: null });
  });
});
