import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_PATH } from './prerequisites.ts';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'artifacts', 'screenshots');
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export { CHROMIUM_PATH } from './prerequisites.ts';

/** Launches headless Chromium; fails with a clear message when it or the client build is missing. */
export async function launchBrowser(): Promise<Browser> {
  const buildError = inject('clientBuildError');
  if (buildError) throw new Error(`The client did not build: ${buildError}`);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A phone: 360×640 CSS pixels, touch, device scale 2. */
export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
}

/**
 * Pages report uncaught errors, dialogs (an alert would mean injected script ran) and
 * Content-Security-Policy violations (the server's CSP must let the client work).
 */
export function watchPage(page: Page, problems: string[], name: string): Page {
  // The page reports each violation as a console error, which the listener below collects.
  void page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));",
  });
  page.on('pageerror', (err) => problems.push(`${name}: page error: ${err.message}`));
  page.on('dialog', (d) => {
    problems.push(`${name}: unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource|WebSocket/.test(msg.text())) problems.push(`${name}: console error: ${msg.text()}`);
  });
  return page;
}

/** Saves a full-page screenshot to artifacts/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * Runs axe-core inside the page and returns its serious and critical violations, described
 * one per line (empty when the page passes).
 */
export async function axeProblems(page: Page): Promise<string[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  // Evaluated through the DevTools protocol, not as a <script> tag: the page's CSP forbids
  // inline scripts (as it should), and a tag would be refused.
  if (!loaded) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))',
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`).join('; ')}`);
}

type StyleWindow = { getComputedStyle(el: unknown): Record<string, string> };

/** One computed CSS property of the element a locator finds (e.g. 'outlineStyle'). */
export async function computedStyle(locator: Locator, property: string): Promise<string> {
  // The callback runs in the page; the test's TypeScript has no DOM types, hence the cast.
  return locator.evaluate((el, prop) => (globalThis as unknown as StyleWindow).getComputedStyle(el)[prop] ?? '', property);
}
