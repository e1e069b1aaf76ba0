// Unsaved edits kept in the browser (localStorage `jiqun.draft.<id>`) until the server confirms them, so
// that nothing typed is lost to a closed tab, a crash or a network outage.
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

export const draftKey = (id: string) => `jiqun.draft.${id}`;

/** The browser's localStorage, or null where it is unavailable (privacy modes). */
export function browserStore(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readDraft(store: KeyValueStore | null, id: string): StoredDraft | null {
  try {
    const raw = store?.getItem(draftKey(id));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    const base = declarationContentSchema.safeParse(parsed.base);
    const local = declarationContentSchema.safeParse(parsed.local);
    if (typeof parsed.version !== 'number' || !base.success || !local.success) return null;
    return {
      version: parsed.version,
      base: base.data,
      local: local.data,
      savedAt: String(parsed.savedAt ?? ''),
    };
  } catch {
    return null;
  }
}

/** Stores the edits; returns false when the browser would not keep them (quota, privacy mode). */
export function writeDraft(
  store: KeyValueStore | null,
  id: string,
  draft: Omit<StoredDraft, 'savedAt'>,
): boolean {
  try {
    if (!store) return false;
    store.setItem(draftKey(id), JSON.stringify({ ...draft, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(store: KeyValueStore | null, id: string): void {
  try {
    store?.removeItem(draftKey(id));
  } catch {
    // Nothing to do: the draft stays and is offered again, which loses nothing.
  }
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
