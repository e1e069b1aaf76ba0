// Unsaved edits kept in the browser (localStorage `jiqun.draft.<id>`) until the server confirms them, so
// that nothing typed is lost to a closed tab, a crash or a network outage. Each browser tab keeps its own
// entry under the key (two tabs editing one declaration must not wipe each other's copy); a tab is known
// by an id in sessionStorage, which survives reloading that tab.
import { type DeclarationContent, declarationContentSchema } from '../../../../domain/declaration-form.ts';
import { applyPatch, buildPatch, sameJson } from './content-patch.ts';

/** What is kept: the server version the edits started from, that version's content, and the edited content. */
export interface StoredDraft {
  version: number;
  base: DeclarationContent;
  local: DeclarationContent;
  savedAt: string;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
type Entries = Record<string, StoredDraft>;

export const draftKey = (id: string) => `jiqun.draft.${id}`;
const TAB_KEY = 'jiqun.tab';

/** The browser's localStorage, or null where it is unavailable (privacy modes). */
export function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** This tab's id: kept in sessionStorage, so a reload keeps it and a new tab gets a new one. */
export function currentTabId(): string {
  try {
    const existing = window.sessionStorage.getItem(TAB_KEY);
    if (existing) return existing;
    const id = Math.random().toString(36).slice(2, 10);
    window.sessionStorage.setItem(TAB_KEY, id);
    return id;
  } catch {
    return 'tab';
  }
}

function parseDraft(value: unknown): StoredDraft | null {
  const parsed = (value ?? {}) as Partial<StoredDraft>;
  const base = declarationContentSchema.safeParse(parsed.base);
  const local = declarationContentSchema.safeParse(parsed.local);
  if (typeof parsed.version !== 'number' || !base.success || !local.success) return null;
  return {
    version: parsed.version,
    base: base.data,
    local: local.data,
    savedAt: String(parsed.savedAt ?? ''),
  };
}

function readEntries(store: KeyValueStore | null, id: string): Entries {
  try {
    const raw = store?.getItem(draftKey(id));
    if (!raw) return {};
    const parsed = JSON.parse(raw) as { tabs?: Record<string, unknown> } & Partial<StoredDraft>;
    // A single draft (no tabs) counts as one whose tab is gone.
    const tabs: Record<string, unknown> = parsed.tabs ?? { '': parsed };
    const out: Entries = {};
    for (const [tab, value] of Object.entries(tabs)) {
      const draft = parseDraft(value);
      if (draft) out[tab] = draft;
    }
    return out;
  } catch {
    return {};
  }
}

function writeEntries(store: KeyValueStore | null, id: string, entries: Entries): boolean {
  try {
    if (!store) return false;
    if (Object.keys(entries).length === 0) store.removeItem(draftKey(id));
    else store.setItem(draftKey(id), JSON.stringify({ tabs: entries }));
    return true;
  } catch {
    return false;
  }
}

/** This tab's draft, or else the most recent one another tab left behind (with whose it is). */
export function readDraft(
  store: KeyValueStore | null,
  id: string,
  tab: string,
): { draft: StoredDraft; tab: string } | null {
  const entries = readEntries(store, id);
  const own = entries[tab];
  if (own) return { draft: own, tab };
  const [latest] = Object.entries(entries).sort((a, b) => b[1].savedAt.localeCompare(a[1].savedAt));
  return latest ? { draft: latest[1], tab: latest[0] } : null;
}

/** Stores this tab's edits; returns false when the browser would not keep them (quota, privacy mode). */
export function writeDraft(
  store: KeyValueStore | null,
  id: string,
  tab: string,
  draft: Omit<StoredDraft, 'savedAt'>,
): boolean {
  const entries = readEntries(store, id);
  entries[tab] = { ...draft, savedAt: new Date().toISOString() };
  return writeEntries(store, id, entries);
}

/** Removes one tab's draft (this tab's once the server has its edits, or one this tab took over). */
export function clearDraft(store: KeyValueStore | null, id: string, tab: string): void {
  const entries = readEntries(store, id);
  if (!(tab in entries)) return;
  delete entries[tab];
  writeEntries(store, id, entries);
}

/** How a stored draft meets the server's current declaration on opening the form. */
export type Restored =
  | { kind: 'none' }
  /** Same starting point (or nothing changed on the server since): the edits simply continue. */
  | { kind: 'continue'; local: DeclarationContent }
  /** The server moved on since the edits started: the user chooses, as after a 409. */
  | { kind: 'conflict'; base: DeclarationContent; local: DeclarationContent };

export function restoreDraft(
  draft: StoredDraft | null,
  server: { version: number; content: DeclarationContent },
): Restored {
  if (!draft) return { kind: 'none' };
  const edits = buildPatch(draft.base, draft.local);
  if (!edits || sameJson(draft.local, server.content)) return { kind: 'none' };
  if (draft.version === server.version || sameJson(draft.base, server.content)) {
    // Re-apply the edits to what the server has now (the same content, maybe a newer version number).
    return { kind: 'continue', local: applyPatch(server.content, edits) };
  }
  return { kind: 'conflict', base: draft.base, local: draft.local };
}
