// Prepares a campaign for the ministry's browser journey through the API, as counties and units would:
// complete declarations submitted, accepted and put on each unit's ranked list. Also a small API client
// (cookie + CSRF) for the steps the journey does not click through.
import { EVIDENCE_CATEGORIES } from '../../domain/declaration-form.ts';
import { sampleContent } from '../../server/db/seed/sample-content.ts';

export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

// biome-ignore lint/suspicious/noExplicitAny: the journey reads response fields freely and asserts on them
export type Json = any;

export async function apiLogin(url: string, username: string): Promise<ApiSession> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

/** A JSON request with the session; throws unless the status is one of `ok`. */
export async function api(
  url: string,
  s: ApiSession,
  method: string,
  path: string,
  body?: unknown,
  ok: number[] = [200, 201, 204],
): Promise<Json> {
  const headers: Record<string, string> = { cookie: s.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = s.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!ok.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

const tinyPdf = (text: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

async function uploadEvidence(url: string, s: ApiSession, id: string, category: string): Promise<void> {
  const form = new FormData();
  form.append('category', category);
  form.append('file', new Blob([tinyPdf(category)], { type: 'application/pdf' }), `${category}.pdf`);
  const res = await fetch(`${url}/api/v1/declarations/${id}/attachments`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    body: form,
  });
  if (res.status !== 201) throw new Error(`upload ${category}: ${res.status} ${await res.text()}`);
}

export interface PlannedDeclaration {
  county: string;
  unit: string;
  clusterName: string;
  industry: string;
  industryCode: string;
  subSector: string;
}

/**
 * Each county submits a complete declaration; each unit accepts its own and recommends them in the given
 * order. Returns cluster name → declaration id.
 */
export async function recommend(
  url: string,
  year: number,
  planned: readonly PlannedDeclaration[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byUnit = new Map<string, string[]>();
  for (const p of planned) {
    const county = await apiLogin(url, `county-${p.county}`);
    const content = sampleContent(year, {
      clusterName: p.clusterName,
      industry: p.industry,
      industryCode: p.industryCode,
      subSector: p.subSector,
    });
    const created = await api(url, county, 'POST', '/api/v1/declarations', {
      ...content,
      campaignYear: year,
    });
    for (const c of EVIDENCE_CATEGORIES.filter((x) => x.required))
      await uploadEvidence(url, county, created.id, c.key);
    await api(url, county, 'POST', `/api/v1/declarations/${created.id}/actions/submit`, {});
    ids.set(p.clusterName, created.id);
    byUnit.set(p.unit, [...(byUnit.get(p.unit) ?? []), created.id]);
  }
  for (const [unit, list] of byUnit) {
    const session = await apiLogin(url, `unit-${unit}`);
    for (const id of list) await api(url, session, 'POST', `/api/v1/declarations/${id}/actions/accept`, {});
    await api(url, session, 'PUT', `/api/v1/units/${unit}/recommendations/${year}`, {
      items: list.map((declarationId, i) => ({ declarationId, rank: i + 1 })),
    });
  }
  return ids;
}
