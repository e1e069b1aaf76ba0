import { describe, expect, it } from 'vitest';
import { emptyDeclarationContent } from '../../../../domain/declaration-form.ts';
import { clearDraft, draftKey, readDraft, restoreDraft, writeDraft } from './draft-storage.ts';

function memoryStore() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

const empty = () => emptyDeclarationContent();

describe('draft storage', () => {
  it('writes, reads and clears under jiqun.draft.<id>', () => {
    const store = memoryStore();
    const local = { ...empty(), clusterName: 'A' };
    expect(writeDraft(store, 'd1', 't1', { version: 3, base: empty(), local })).toBe(true);
    expect(store.map.has(draftKey('d1'))).toBe(true);
    expect(draftKey('d1')).toBe('jiqun.draft.d1');
    expect(readDraft(store, 'd1', 't1')).toMatchObject({
      tab: 't1',
      draft: { version: 3, local: { clusterName: 'A' } },
    });
    clearDraft(store, 'd1', 't1');
    expect(readDraft(store, 'd1', 't1')).toBeNull();
    expect(store.map.has(draftKey('d1'))).toBe(false);
  });

  it("keeps one entry per tab, so one tab saving does not wipe another tab's copy", () => {
    const store = memoryStore();
    writeDraft(store, 'd', 'a', { version: 1, base: empty(), local: { ...empty(), clusterName: 'A' } });
    writeDraft(store, 'd', 'b', { version: 1, base: empty(), local: { ...empty(), zoneName: 'B' } });
    clearDraft(store, 'd', 'b');
    expect(readDraft(store, 'd', 'a')?.draft.local.clusterName).toBe('A');
    // A new tab (after a crash) finds the copy left behind.
    expect(readDraft(store, 'd', 'new')).toMatchObject({ tab: 'a' });
  });

  it('offers the most recent copy another tab left', () => {
    const store = memoryStore();
    const local = (name: string) => ({ ...empty(), clusterName: name });
    store.setItem(
      draftKey('d'),
      JSON.stringify({
        tabs: {
          old: { version: 1, base: empty(), local: local('old'), savedAt: '2026-01-01T00:00:00Z' },
          recent: { version: 1, base: empty(), local: local('recent'), savedAt: '2026-01-02T00:00:00Z' },
        },
      }),
    );
    expect(readDraft(store, 'd', 'me')?.draft.local.clusterName).toBe('recent');
  });

  it('reads a single draft written without tabs', () => {
    const store = memoryStore();
    store.setItem(draftKey('d'), JSON.stringify({ version: 2, base: empty(), local: empty(), savedAt: '' }));
    expect(readDraft(store, 'd', 'me')).toMatchObject({ tab: '', draft: { version: 2 } });
  });

  it('ignores garbage and survives a missing or failing store', () => {
    const store = memoryStore();
    store.setItem(draftKey('x'), '{not json');
    expect(readDraft(store, 'x', 't')).toBeNull();
    store.setItem(draftKey('y'), JSON.stringify({ version: 1, base: {}, local: {} }));
    expect(readDraft(store, 'y', 't')).toBeNull();
    expect(readDraft(null, 'x', 't')).toBeNull();
    const full = {
      ...store,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeDraft(full, 'z', 't', { version: 1, base: empty(), local: empty() })).toBe(false);
  });
});

describe('restoreDraft', () => {
  const server = (version: number, content = empty()) => ({ version, content });

  it('does nothing without edits', () => {
    expect(restoreDraft(null, server(1))).toEqual({ kind: 'none' });
    const d = { version: 1, base: empty(), local: empty(), savedAt: '' };
    expect(restoreDraft(d, server(1))).toEqual({ kind: 'none' });
  });

  it('continues on the same version', () => {
    const d = { version: 2, base: empty(), local: { ...empty(), clusterName: 'A' }, savedAt: '' };
    const r = restoreDraft(d, server(2));
    expect(r.kind).toBe('continue');
    expect(r.kind === 'continue' && r.local.clusterName).toBe('A');
  });

  it('continues when only the version number moved (e.g. an upload)', () => {
    const d = { version: 2, base: empty(), local: { ...empty(), zoneName: 'Z' }, savedAt: '' };
    const r = restoreDraft(d, server(3));
    expect(r.kind === 'continue' && r.local.zoneName).toBe('Z');
  });

  it('is a conflict when the server content changed since', () => {
    const d = { version: 2, base: empty(), local: { ...empty(), zoneName: 'Z' }, savedAt: '' };
    const r = restoreDraft(d, server(3, { ...empty(), clusterName: 'B' }));
    expect(r.kind).toBe('conflict');
  });

  it('drops a draft the server already has', () => {
    const local = { ...empty(), zoneName: 'Z' };
    const d = { version: 2, base: empty(), local, savedAt: '' };
    expect(restoreDraft(d, server(3, local))).toEqual({ kind: 'none' });
  });
});
