// The editing session's state and its transitions, as pure functions (the hook in
// use-declaration-editor.ts adds timers, requests and the browser copy).
import type { DeclarationContent } from '../../../../domain/declaration-form.ts';
import type { Declaration } from '../../api/declarations.ts';
import {
  buildPatch,
  type Choice,
  contentOf,
  keepMine,
  rebaseAfterSave,
  resolveFields,
  sameJson,
} from './content-patch.ts';
import { restoreDraft, type StoredDraft } from './draft-storage.ts';

export interface Conflict {
  /** The declaration as the server has it now. */
  current: Declaration;
  /** The content my unsaved edits started from. */
  base: DeclarationContent;
}

export interface EditorState {
  /** The latest declaration the server gave us. */
  server: Declaration;
  /** The content my edits start from, and its version (the If-Match of the next save). */
  base: DeclarationContent;
  baseVersion: number;
  local: DeclarationContent;
  saving: boolean;
  error: Error | null;
  savedAt: Date | null;
  conflict: Conflict | null;
  /** A save was refused because the declaration stopped being editable; the edits stay in the browser. */
  locked: boolean;
  /** Edits were restored from the browser on opening. */
  restored: boolean;
  /** A browser copy of edits exists while the declaration is not editable (its version). */
  parkedDraftVersion: number | null;
  /** The tab whose browser copy was restored (this one after a reload, another after a crash). */
  draftTab: string | null;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict' | 'locked';

export const canEdit = (d: Declaration) => d.allowedActions.includes('edit');

/** The state on opening: the server's declaration, with the browser copy `found` restored onto it if any. */
export function initialState(
  decl: Declaration,
  found: { draft: StoredDraft; tab: string } | null,
): EditorState {
  const content = contentOf(decl);
  const state: EditorState = {
    server: decl,
    base: content,
    baseVersion: decl.version,
    local: content,
    saving: false,
    error: null,
    savedAt: null,
    conflict: null,
    locked: false,
    restored: false,
    parkedDraftVersion: null,
    draftTab: null,
  };
  const draft = found?.draft ?? null;
  const restored = restoreDraft(draft, { version: decl.version, content });
  if (restored.kind === 'none') return { ...state, draftTab: found?.tab ?? null };
  if (!canEdit(decl))
    return { ...state, parkedDraftVersion: draft?.version ?? null, draftTab: found?.tab ?? null };
  state.draftTab = found?.tab ?? null;
  if (restored.kind === 'continue') return { ...state, local: restored.local, restored: true };
  // The server moved on since the edits were made: continue from the old starting point and ask.
  return {
    ...state,
    base: restored.base,
    baseVersion: draft?.version ?? decl.version,
    local: restored.local,
    restored: true,
    conflict: { current: decl, base: restored.base },
  };
}

/** Takes in a newer declaration from the server (409, refetch, upload, action) without losing edits. */
export function receiveDeclaration(s: EditorState, current: Declaration): EditorState {
  const theirs = contentOf(current);
  // The server already has exactly what I have (e.g. another tab saved my restored edits).
  if (sameJson(theirs, s.local))
    return { ...s, server: current, base: theirs, local: theirs, baseVersion: current.version };
  const mine = buildPatch(s.base, s.local);
  // It stopped being editable (submitted elsewhere) with edits of mine unsaved: park them in the browser.
  if (!canEdit(current) && mine) return { ...s, server: current, locked: true };
  if (current.version === s.baseVersion) return { ...s, server: current };
  // Only the version number moved (e.g. an upload): keep editing on top of it.
  if (sameJson(theirs, s.base)) return { ...s, server: current, baseVersion: current.version };
  // Nothing of mine is pending: simply show theirs.
  if (!mine) return { ...s, server: current, base: theirs, local: theirs, baseVersion: current.version };
  return { ...s, conflict: { current, base: s.base } };
}

/** After a save answered with `saved`: `sent` was the content sent; edits typed meanwhile carry over. */
export function savedState(
  s: EditorState,
  sent: DeclarationContent,
  saved: Declaration,
  at: Date,
): EditorState {
  const base = contentOf(saved);
  return {
    ...s,
    server: saved,
    base,
    baseVersion: saved.version,
    local: rebaseAfterSave(sent, s.local, base),
    saving: false,
    error: null,
    savedAt: at,
  };
}

export type Resolution = 'mine' | 'theirs' | { choices: Record<string, Choice> };

/** The conflict resolved: continue from the current version with the chosen content (saved next). */
export function resolvedState(s: EditorState, how: Resolution): EditorState {
  const c = s.conflict;
  if (!c) return s;
  const theirs = contentOf(c.current);
  const local =
    how === 'mine'
      ? keepMine(c.base, s.local, theirs)
      : how === 'theirs'
        ? theirs
        : resolveFields(s.local, theirs, how.choices);
  return {
    ...s,
    conflict: null,
    server: c.current,
    base: theirs,
    baseVersion: c.current.version,
    local,
    error: null,
    locked: false,
  };
}
