// axe-core injected into the page under test: every serious or critical WCAG 2.1 A/AA (and best-practice)
// violation fails the test; the others are counted and printed. The context must be made with bypassCSP,
// since axe is injected as an inline script, which the app's Content-Security-Policy forbids.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server.ts';

const AXE = join(repoRoot, 'node_modules/axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; summary: string }[];
}

/** Runs axe-core on the page; returns the violations by impact and fails on serious or critical ones. */
export async function axeCheck(page: Page, label: string): Promise<Record<string, number>> {
  await page.addScriptTag({ path: AXE });
  const violations: Violation[] = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const g = globalThis as any;
    const result = await g.axe.run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    // biome-ignore lint/suspicious/noExplicitAny: axe's result objects, read field by field
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // biome-ignore lint/suspicious/noExplicitAny: see above
      nodes: v.nodes.map((n: any) => ({ target: n.target, summary: n.failureSummary ?? '' })),
    }));
  });
  const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[v.impact ?? 'minor'] = (counts[v.impact ?? 'minor'] ?? 0) + 1;
  console.log(
    `axe ${label}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}` +
      (violations.length
        ? ` (${violations.map((v) => `${v.id}:${v.impact} ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`).join(', ')})`
        : ''),
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map((n) => [n.target, n.summary.replace(/\s+/g, ' ').slice(0, 300)]))}`,
    ),
    [],
    `axe on ${label}`,
  );
  return counts;
}
