// A draft edited in the browser and saved as a JSON merge patch of what changed (If-Match: the version it
// was based on) about a second after the last change. A version conflict reloads the record and re-applies
// the edits not yet saved on top of it, so nothing typed is lost.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { applyPatch, buildPatch, setAtPath } from '../declaration/content-patch.ts';

const DEBOUNCE_MS = 1_000;
const RETRY_MS = 10_000;

export type DraftSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

type Versioned = { version: number };

export function useAutosaveDraft<T extends object, R extends Versioned>(opts: {
  initial: R;
  contentOf: (record: R) => T;
  save: (version: number, patch: unknown) => Promise<R>;
  reload: () => Promise<R>;
  editable: boolean;
  onSaved?: (record: R) => void;
}) {
  const { contentOf, save: send, reload, editable, onSaved } = opts;
  const [record, setRecord] = useState(opts.initial);
  const [local, setLocal] = useState<T>(() => contentOf(opts.initial));
  const [saveState, setSaveState] = useState<DraftSaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const base = useRef<T>(contentOf(opts.initial));
  const version = useRef(opts.initial.version);
  const localRef = useRef(local);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const failed = useRef(false);

  const setField = useCallback((path: string, value: unknown) => {
    localRef.current = setAtPath(localRef.current, path, value);
    setLocal(localRef.current);
    setSaveState('pending');
  }, []);

  /** Takes in a newer record from the server (an action's answer, a reload) keeping unsaved edits. */
  const receive = useCallback(
    (next: R) => {
      const pending = buildPatch(base.current, localRef.current);
      base.current = contentOf(next);
      version.current = next.version;
      localRef.current = applyPatch(base.current as never, pending) as unknown as T;
      setLocal(localRef.current);
      setRecord(next);
    },
    [contentOf],
  );

  const save = useCallback((): Promise<boolean> => {
    if (inFlight.current) return inFlight.current;
    const run = async () => {
      const sent = localRef.current;
      const patch = buildPatch(base.current, sent);
      if (!patch) return true;
      setSaveState('saving');
      try {
        const saved = await send(version.current, patch);
        const still = buildPatch(sent, localRef.current);
        base.current = contentOf(saved);
        version.current = saved.version;
        localRef.current = applyPatch(base.current as never, still) as unknown as T;
        setLocal(localRef.current);
        setRecord(saved);
        setSavedAt(new Date());
        failed.current = false;
        setSaveState(still ? 'pending' : 'saved');
        onSaved?.(saved);
        return !still;
      } catch (err) {
        if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
          const current = await reload().catch(() => null);
          if (current) receive(current);
          setSaveState('conflict');
          return false;
        }
        failed.current = true;
        setSaveState('error');
        return false;
      }
    };
    const p = run().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = p;
    return p;
  }, [contentOf, onSaved, receive, reload, send]);

  /** Saves everything pending now; true when the server has it all. */
  const flush = useCallback(async () => {
    for (let i = 0; i < 4; i++) {
      if (inFlight.current) await inFlight.current;
      if (!buildPatch(base.current, localRef.current)) return true;
      await save();
    }
    return !buildPatch(base.current, localRef.current);
  }, [save]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each change of the content restarts the debounce
  useEffect(() => {
    if (!editable || saveState === 'saving' || !buildPatch(base.current, localRef.current)) return;
    const timer = setTimeout(() => void save(), failed.current ? RETRY_MS : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [editable, local, saveState, save]);

  return {
    record,
    content: editable ? local : contentOf(record),
    setField,
    saveState,
    savedAt,
    flush,
    receive,
  };
}
