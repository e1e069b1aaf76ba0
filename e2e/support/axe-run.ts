// axe-core injected into the page (the context needs `bypassCSP: true`: the app's CSP forbids inline
// scripts). Fails on serious or critical violations; logs every violation's count by impact.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server.ts';

const AXE = join(repoRoot, 'node_modules/axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; help: string; targets: unknown[] };

/** Runs axe (WCAG 2.1 A/AA and best practice) on the page and asserts no serious or critical violation. */
export async function runAxe(page: Page, label: string): Promise<Record<string, number>> {
  await page.addScriptTag({ path: AXE });
  const violations: Violation[] = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const axe = (globalThis as any).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    // biome-ignore lint/suspicious/noExplicitAny: axe's result objects
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // biome-ignore lint/suspicious/noExplicitAny: axe's result objects
      targets: v.nodes.slice(0, 3).map((n: any) => n.target),
    }));
  });
  const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) counts[v.impact ?? 'minor'] = (counts[v.impact ?? 'minor'] ?? 0) + 1;
  console.log(
    `axe ${label}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}` +
      (violations.length ? ` (${violations.map((v) => `${v.id}:${v.impact}`).join(', ')})` : ''),
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.targets)}`),
    [],
    `axe on ${label}`,
  );
  return counts;
}
