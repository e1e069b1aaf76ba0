// axe-core injected into the page (from node_modules, no network) for the browser journeys: WCAG 2.1 A/AA
// plus best practices; serious and critical violations fail, the rest are counted and printed. The page's
// context needs `bypassCSP: true`, as axe goes in as an inline script the app's policy forbids.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './server.ts';

const AXE = join(repoRoot, 'node_modules/axe-core/axe.min.js');

export type AxeCounts = Record<'critical' | 'serious' | 'moderate' | 'minor', number>;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Waits for the page's heading and for data to settle (no spinner, no skeleton). */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page
    .locator('main .ant-spin-spinning, main .ant-skeleton')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300); // antd's enter animations
}

/** Runs axe-core on the page; returns the violations by impact and fails on serious or critical ones. */
export async function axeCheck(page: Page, label: string): Promise<AxeCounts> {
  // Let drawers, dialogs and lists finish their animations (a half-faded button fails the contrast rule);
  // bounded, as a motion class can stay on an element that no longer moves.
  await page
    .waitForFunction(
      () =>
        !(
          globalThis as unknown as { document: { querySelector(s: string): unknown } }
        ).document.querySelector('[class*="-appear"], [class*="-enter"], [class*="-leave"]'),
      undefined,
      { timeout: 2_000 },
    )
    .catch(() => undefined);
  await page.addScriptTag({ path: AXE });
  const violations: Violation[] = await page.evaluate(async () => {
    // The callback runs in Chromium; the project compiles without the DOM library, hence the loose types.
    const g = globalThis as unknown as {
      document: unknown;
      axe: {
        run(
          context: unknown,
          options: unknown,
        ): Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    // Elements in the middle of an enter/leave animation (a toast fading out) are transient states whose
    // colours are mixed with the page's; axe skips them (the settled element is checked when it is there).
    const moving = ['[class*="-appear"]', '[class*="-enter"]', '[class*="-leave"]'].map((s) => [s]);
    const result = await g.axe.run(
      { include: [[':root']], exclude: moving },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const counts: AxeCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) {
    const impact = (v.impact ?? 'minor') as keyof AxeCounts;
    counts[impact] = (counts[impact] ?? 0) + 1;
  }
  console.log(
    `axe ${label}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}` +
      (violations.length
        ? ` (${violations.map((v) => `${v.id}:${v.impact} ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.target))}`).join(', ')})`
        : ''),
  );
  // JIQUN_AXE_REPORT_ONLY=1 prints every page's violations without failing (to collect them in one run).
  const reportOnly = process.env.JIQUN_AXE_REPORT_ONLY === '1';
  const bad = violations.filter((v) => !reportOnly && (v.impact === 'serious' || v.impact === 'critical'));
  assert.deepEqual(
    bad.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`,
    ),
    [],
    `axe on ${label}`,
  );
  return counts;
}

/** Adds one page's counts into running totals. */
export function addCounts(into: AxeCounts, counts: AxeCounts): void {
  for (const k of Object.keys(into) as (keyof AxeCounts)[]) into[k] += counts[k];
}
