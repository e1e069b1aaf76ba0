// The editing session of one declaration: local content, autosave (a merge patch of what changed, sent with
// If-Match ~1 s after the last keystroke), the browser copy of unsaved edits, and version conflicts.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { indicatorYears } from '../../../../domain/declaration-form.ts';
import { ApiError } from '../../api/client.ts';
import { declarationKeys } from '../../api/declaration-queries.ts';
import { type Declaration, declarationsApi, versionConflictOf } from '../../api/declarations.ts';
import { queryKeys } from '../../api/queries.ts';
import { buildPatch, contentOf, setAtPath } from './content-patch.ts';
import { browserStore, clearDraft, currentTabId, readDraft, writeDraft } from './draft-storage.ts';
import {
  canEdit,
  type EditorState,
  initialState,
  type Resolution,
  receiveDeclaration,
  resolvedState,
  type SaveState,
  savedState,
} from './editor-state.ts';

export type { Conflict, SaveState } from './editor-state.ts';

const DEBOUNCE_MS = 1_000;
/** After a failed save (network, 5xx) with no new typing, try again after this long. */
const RETRY_MS = 15_000;

export function useDeclarationEditor(initial: Declaration) {
  const id = initial.id;
  const queryClient = useQueryClient();
  const [tab] = useState(currentTabId);
  const [state, setState] = useState<EditorState>(() =>
    initialState(initial, readDraft(browserStore(), initial.id, tab)),
  );
  // The same state, readable synchronously from async code.
  const ref = useRef(state);
  const apply = useCallback((fn: (s: EditorState) => EditorState) => {
    ref.current = fn(ref.current);
    setState(ref.current);
  }, []);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const editable = canEdit(state.server) && !state.locked;
  const dirty = useMemo(() => buildPatch(state.base, state.local) !== null, [state.base, state.local]);

  const publish = useCallback(
    (decl: Declaration) => {
      queryClient.setQueryData(declarationKeys.one(decl.id), decl);
      void queryClient.invalidateQueries({ queryKey: declarationKeys.lists });
    },
    [queryClient],
  );

  /** Takes in a newer declaration from the server (409, refetch, upload, action) without losing edits. */
  const receive = useCallback(
    (current: Declaration) => {
      apply((s) => receiveDeclaration(s, current));
      publish(current);
    },
    [apply, publish],
  );

  const save = useCallback((): Promise<boolean> => {
    if (inFlight.current) return inFlight.current;
    const run = async (): Promise<boolean> => {
      const s = ref.current;
      if (s.conflict) return false;
      const patch = buildPatch(s.base, s.local);
      if (!patch) return true;
      const sent = s.local;
      apply((x) => ({ ...x, saving: true }));
      try {
        const saved = await declarationsApi.patch(id, s.baseVersion, patch);
        apply((x) => savedState(x, sent, saved, new Date()));
        publish(saved);
        return true;
      } catch (err) {
        const conflict = versionConflictOf(err);
        if (conflict) {
          const current = conflict.current ?? (await declarationsApi.get(id).catch(() => null));
          apply((x) => ({ ...x, saving: false }));
          if (current) {
            receive(current);
            return false;
          }
        }
        if (err instanceof ApiError && err.code === 'INVALID_TRANSITION') {
          const current = await declarationsApi.get(id).catch(() => null);
          apply((x) => ({ ...x, saving: false, locked: true, server: current ?? x.server }));
          if (current) publish(current);
          return false;
        }
        // An expired session: sign out (the edits stay in the browser and come back after signing in).
        if (err instanceof ApiError && err.status === 401) queryClient.setQueryData(queryKeys.session, null);
        apply((x) => ({ ...x, saving: false, error: err instanceof Error ? err : new Error(String(err)) }));
        return false;
      }
    };
    const promise = run().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = promise;
    return promise;
  }, [apply, id, publish, queryClient, receive]);

  /** Saves everything pending now; true when the server has it all. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let i = 0; i < 5; i += 1) {
      if (inFlight.current) await inFlight.current;
      const s = ref.current;
      if (s.conflict) return false;
      if (!buildPatch(s.base, s.local)) return true;
      if (!(await save())) return false;
    }
    return !buildPatch(ref.current.base, ref.current.local);
  }, [save]);

  // Autosave: ~1 s after the last change; after a failure, again later.
  // biome-ignore lint/correctness/useExhaustiveDependencies: every change of the content restarts the debounce
  useEffect(() => {
    if (!editable || !dirty || state.saving || state.conflict) return;
    const timer = setTimeout(() => void save(), state.error ? RETRY_MS : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [editable, dirty, state.saving, state.conflict, state.error, state.local, save]);

  // The browser copy: kept while anything is unsaved, removed once the server has it all.
  useEffect(() => {
    if (!canEdit(state.server) && !state.locked) return; // leave a parked copy alone
    const store = browserStore();
    if (dirty)
      writeDraft(store, id, tab, { version: state.baseVersion, base: state.base, local: state.local });
    else clearDraft(store, id, tab);
  }, [dirty, id, tab, state.base, state.baseVersion, state.local, state.server, state.locked]);

  // A copy another tab left behind is now this tab's (restored above, or already on the server).
  const adoptedTab = state.parkedDraftVersion === null ? state.draftTab : null;
  useEffect(() => {
    if (adoptedTab !== null && adoptedTab !== tab) clearDraft(browserStore(), id, adoptedTab);
  }, [adoptedTab, id, tab]);

  const campaignYear = state.server.campaignYear;
  /** Sets one field by path; indicator edits also fill in the indicator years from the campaign. */
  const setField = useCallback(
    (path: string, value: unknown) => {
      apply((s) => {
        let local = setAtPath(s.local, path, value);
        if (path.startsWith('indicators.') && local.indicators.years === null)
          local = setAtPath(local, 'indicators.years', indicatorYears(campaignYear));
        return { ...s, local, error: null };
      });
    },
    [apply, campaignYear],
  );

  const resolveConflict = useCallback((how: Resolution) => apply((s) => resolvedState(s, how)), [apply]);

  const discardParked = useCallback(() => {
    const store = browserStore();
    clearDraft(store, id, tab);
    if (ref.current.draftTab !== null) clearDraft(store, id, ref.current.draftTab);
    apply((s) => ({
      ...s,
      parkedDraftVersion: null,
      locked: false,
      local: contentOf(s.server),
      base: contentOf(s.server),
      baseVersion: s.server.version,
    }));
  }, [apply, id, tab]);

  const saveState: SaveState = state.conflict
    ? 'conflict'
    : state.saving
      ? 'saving'
      : state.locked && dirty
        ? 'locked'
        : state.error && dirty
          ? 'error'
          : dirty
            ? 'pending'
            : state.savedAt
              ? 'saved'
              : 'idle';

  return {
    declaration: state.server,
    /** What the form shows: my edits while editable, the server's content otherwise. */
    content: editable ? state.local : contentOf(state.server),
    local: state.local,
    base: state.base,
    editable,
    dirty,
    saveState,
    savedAt: state.savedAt,
    error: state.error,
    conflict: state.conflict,
    restored: state.restored,
    locked: state.locked,
    parkedDraftVersion: state.parkedDraftVersion,
    setField,
    save,
    flush,
    receive,
    resolveConflict,
    discardParked,
  };
}

export type DeclarationEditor = ReturnType<typeof useDeclarationEditor>;
