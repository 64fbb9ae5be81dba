/**
 * Playwright fixtures for the renderer tests: every test gets its own fresh data folder and its
 * own harness (real core over http), both removed afterwards, so tests never share state.
 * `axe` runs axe-core with the WCAG 2.0/2.1 A and AA rules and fails on any violation, listing
 * each one readably.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { startHarness, type Harness } from '../harness/server';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Fixtures = {
  /** A fresh, empty data folder for this test. */
  dataDir: string;
  /** The harness serving the renderer against a core opened on `dataDir`. */
  harness: Harness;
  /** Asserts 0 axe violations on the page as it is now; `label` names the state in the failure. */
  axe: (label: string) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'citizen-audit-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    const harness = await startHarness({ dataDir });
    await use(harness);
    await harness.close();
  },
  // Mantine honours prefers-reduced-motion (theme.respectReducedMotion): no modal fade-ins that
  // a check could catch half-way.
  page: async ({ page }, use) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await use(page);
  },
  baseURL: async ({ harness }, use) => {
    await use(harness.url);
  },
  axe: async ({ page }, use) => {
    await use((label) => checkA11y(page, label));
  },
});

export async function checkA11y(page: Page, label: string): Promise<void> {
  // Colours are only meaningful once transitions have settled.
  // (Typed by hand: this file is checked without the DOM library; a string would need eval,
  // which the app's CSP rightly forbids.)
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      - ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
        .join('\n');
      return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  expect(
    results.violations.map((v) => v.id),
    `axe violations on "${label}":\n${report}`,
  ).toEqual([]);
}

export { expect };
