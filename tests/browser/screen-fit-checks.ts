import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * Measurements for the all-sizes test, run inside the page (screen-fit-probes.js): does a phone
 * show every control without scrolling, and does a big screen show all its text without
 * scrolling or clipping? Each returns the problems found, one per line (empty when it fits).
 */
const PROBES = readFileSync(new URL('./screen-fit-probes.js', import.meta.url), 'utf8');

/**
 * Runs a probe once the page has settled: fitted boxes refit in the animation frame after their
 * content changes, so the probe waits two frames (a screen shows the unfitted frame for 1/60 s).
 */
async function probe(page: Page, name: 'phoneProblems' | 'screenProblems'): Promise<string[]> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return page.evaluate<string[]>(`(() => { ${PROBES}\n return ${name}(); })()`);
}

/** Phone: the page is unscrolled, not wider than the screen, and every enabled control lies inside the viewport. */
export function phoneProblems(page: Page): Promise<string[]> {
  return probe(page, 'phoneProblems');
}

/** Big screen: no document scroll, no clipping element holding more than it shows, no text cut. */
export function screenProblems(page: Page): Promise<string[]> {
  return probe(page, 'screenProblems');
}
