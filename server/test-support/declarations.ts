import { EVIDENCE_CATEGORIES } from '../../domain/declaration-form.ts';
import { sampleContent } from '../db/seed/sample-content.ts';
import { call, type Session } from './app.ts';
import { tinyPdf, upload } from './files.ts';

/** Creates, completes (content and every required evidence file) and submits a declaration; returns its id. */
export async function submitComplete(
  url: string,
  county: Session,
  year: number,
  content: Record<string, unknown> = sampleContent(year),
): Promise<string> {
  const created = await call(url, county, 'POST', '/api/v1/declarations', { campaignYear: year, ...content });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const id: string = created.body.id;
  for (const c of EVIDENCE_CATEGORIES.filter((c) => c.required)) {
    const r = await upload(url, county, id, { name: `${c.key}.pdf`, data: tinyPdf(c.key) }, c.key);
    if (r.status !== 201) throw new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const submitted = await call(url, county, 'POST', `/api/v1/declarations/${id}/actions/submit`, {});
  if (submitted.status !== 200)
    throw new Error(`submit: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  return id;
}
