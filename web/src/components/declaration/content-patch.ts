// Pure helpers for editing a declaration's content against the server: what changed (a JSON merge patch),
// carrying edits made during a save over to the server's answer, and the field-level differences a
// version conflict shows. Paths are written like the server's: `indicators.output[2]`, `contacts`.
import {
  type DeclarationContent,
  emptyDeclarationContent,
  mergePatch,
} from '../../../../domain/declaration-form.ts';

type Json = unknown;
export type Patch = Record<string, Json>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep equality of JSON values (undefined counts as null, as it does on the wire). */
export function sameJson(a: Json, b: Json): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The merge patch (RFC 7396, arrays replaced whole) that turns `before` into `after`, holding only what
 * changed; null when nothing did.
 */
export function buildPatch(before: Json, after: Json): Patch | null {
  if (!isObject(before) || !isObject(after)) return null;
  const out: Patch = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (isObject(old) && isObject(value)) {
      const nested = buildPatch(old, value);
      if (nested) out[key] = nested;
    } else if (!sameJson(old, value)) {
      out[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Applies a patch (or nothing) to content. */
export function applyPatch(content: DeclarationContent, patch: Patch | null): DeclarationContent {
  return patch ? (mergePatch(content, patch) as DeclarationContent) : content;
}

/**
 * After a save: `sent` was the local content sent, `local` what the form holds now, `saved` the content the
 * server answered with. Edits made while the request was in flight are carried over onto the saved content;
 * what the server normalised in the sent part is kept as the server has it.
 */
export function rebaseAfterSave(
  sent: DeclarationContent,
  local: DeclarationContent,
  saved: DeclarationContent,
): DeclarationContent {
  return applyPatch(saved, buildPatch(sent, local));
}

/** The declaration's content fields, picked out of a declaration response (which has more at top level). */
export function contentOf(source: Record<string, unknown>): DeclarationContent {
  const empty = emptyDeclarationContent();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(empty) as (keyof DeclarationContent)[]) {
    const value = source[key];
    // A nested object missing keys (an older server) gets them from the empty form.
    out[key] =
      value === undefined ? empty[key] : isObject(empty[key]) ? mergePatch(empty[key], value) : value;
  }
  return out as DeclarationContent;
}

// Path handling ---------------------------------------------------------------------------------------

type Segment = string | number;

/** `indicators.output[2]` → ['indicators', 'output', 2]. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    for (const idx of (m[2] ?? '').matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function getAtPath(value: Json, path: string): Json {
  let current: Json = value;
  for (const seg of parsePath(path)) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string | number, Json>)[seg];
  }
  return current;
}

/** A copy of `value` with `path` set to `leaf`; objects and arrays on the way are copied, not mutated. */
export function setAtPath<T>(value: T, path: string, leaf: Json): T {
  const segs = parsePath(path);
  const walk = (node: Json, i: number): Json => {
    if (i === segs.length) return leaf;
    const seg = segs[i] as Segment;
    if (typeof seg === 'number') {
      const arr = Array.isArray(node) ? [...node] : [];
      arr[seg] = walk(arr[seg], i + 1);
      return arr;
    }
    const obj = isObject(node) ? { ...node } : {};
    obj[seg] = walk(obj[seg], i + 1);
    return obj;
  };
  return walk(value, 0) as T;
}

/**
 * Leaves of a content tree for comparing two versions: scalars, and arrays of scalars element by element.
 * An array of objects (contacts, plan targets) is one leaf, since a merge patch replaces it whole.
 */
function leafPaths(value: Json, path: string, out: Set<string>): void {
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) leafPaths(v, path ? `${path}.${k}` : k, out);
  } else if (Array.isArray(value) && !value.some((v) => isObject(v) || Array.isArray(v))) {
    for (const [i, v] of value.entries()) leafPaths(v, `${path}[${i}]`, out);
    if (value.length === 0) out.add(path);
  } else {
    out.add(path);
  }
}

/** One field where two versions differ. */
export interface FieldDifference {
  path: string;
  mine: Json;
  theirs: Json;
  /** I changed this field since the version my edits started from. */
  changedByMe: boolean;
  /** The other edit changed it since that version. */
  changedByThem: boolean;
}

/**
 * The fields where the current server content (`theirs`) differs from my local content, given the
 * version both started from (`base`). Paths are in the form's order.
 */
export function fieldDifferences(
  base: DeclarationContent,
  mine: DeclarationContent,
  theirs: DeclarationContent,
): FieldDifference[] {
  const paths = new Set<string>();
  leafPaths(emptyDeclarationContent(), '', paths);
  for (const v of [base, mine, theirs]) leafPaths(v, '', paths);
  const out: FieldDifference[] = [];
  for (const path of paths) {
    // A scalar array's element paths already cover it; skip the whole-array path an empty array adds.
    if ([...paths].some((p) => p !== path && p.startsWith(`${path}[`))) continue;
    // The indicator years follow from the campaign; nobody edits them.
    if (path.startsWith('indicators.years')) continue;
    const m = getAtPath(mine, path);
    const t = getAtPath(theirs, path);
    if (sameJson(m, t)) continue;
    const b = getAtPath(base, path);
    out.push({
      path,
      mine: m ?? null,
      theirs: t ?? null,
      changedByMe: !sameJson(b, m),
      changedByThem: !sameJson(b, t),
    });
  }
  return out;
}

export type Choice = 'mine' | 'theirs';

/** The default per field: mine where I changed it, theirs otherwise. */
export const defaultChoice = (d: FieldDifference): Choice => (d.changedByMe ? 'mine' : 'theirs');

/** Keep mine: my edits since `base`, re-applied on top of the current content. */
export function keepMine(
  base: DeclarationContent,
  mine: DeclarationContent,
  theirs: DeclarationContent,
): DeclarationContent {
  return applyPatch(theirs, buildPatch(base, mine));
}

/** Field by field: the current content with my value at each path chosen as mine. */
export function resolveFields(
  mine: DeclarationContent,
  theirs: DeclarationContent,
  choices: Record<string, Choice>,
): DeclarationContent {
  let out = theirs;
  for (const [path, choice] of Object.entries(choices)) {
    if (choice === 'mine') out = setAtPath(out, path, getAtPath(mine, path) ?? null);
  }
  return out;
}
