import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE_BUDGET_BYTES } from '../../client/build/phone-budget.ts';
import { useBrowserSuite } from '../support/browser-suite.ts';

/**
 * Issue 12, point 8: how soon a student can type the PIN on a mid-range phone, over school
 * Wi-Fi and over Fast 3G, loading the join page from the real server with an empty cache.
 *
 * The figures are printed, not asserted: on a shared, loaded machine with the CPU slowed four
 * times they swing too far for a timed assertion to mean anything (docs/phone-budget.md quotes
 * them). The test fails when the PIN field never takes typing, or when the page downloads more
 * script than the phone budget.
 */
interface Profile {
  name: string;
  /** Round trip added to every request, in ms. */
  latency: number;
  /** Bytes per second. */
  download: number;
  upload: number;
  /** CPU slowdown (Emulation.setCPUThrottlingRate). */
  cpu: number;
  /** The target the issue sets, printed beside the figure; none for the reference run. */
  targetMs: number | null;
}

const PROFILES: Profile[] = [
  { name: 'school Wi-Fi (20 Mbit/s, 20 ms RTT, CPU x4)', latency: 20, download: 20_000_000 / 8, upload: 20_000_000 / 8, cpu: 4, targetMs: 1000 },
  // Chrome DevTools' "Fast 3G" preset (1.6 Mbit/s down, 750 kbit/s up, 562.5 ms, both at 90 %).
  { name: 'Fast 3G (1.6 Mbit/s, 562.5 ms RTT, CPU x4)', latency: 562.5, download: (1_600_000 / 8) * 0.9, upload: (750_000 / 8) * 0.9, cpu: 4, targetMs: 3000 },
  // A reference for reading the two above: how much of them is this machine's own (shared) CPU.
  { name: 'reference: school Wi-Fi, CPU not slowed', latency: 20, download: 20_000_000 / 8, upload: 20_000_000 / 8, cpu: 1, targetMs: null },
];
const RUNS = 3;

/**
 * Runs in the page before its scripts: from navigation start (performance.now()'s origin), when
 * the PIN field first appears, and when typing into it works — a keystroke's worth of input
 * ("x7") goes in and the join page's handler, which keeps digits only, leaves "7".
 */
const PROBE = `
window.__pinProbe = new Promise((resolve) => {
  let shownMs = null;
  const typed = (field) => {
    if (field.value === '7') resolve({ shownMs, interactiveMs: performance.now() });
    else requestAnimationFrame(() => typed(field));
  };
  const look = () => {
    const field = document.querySelector('input.input--pin');
    if (!field || field.disabled || shownMs !== null) return;
    shownMs = performance.now();
    observer.disconnect();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, 'x7');
    field.dispatchEvent(new Event('input', { bubbles: true }));
    typed(field);
  };
  const observer = new MutationObserver(look);
  observer.observe(document, { childList: true, subtree: true });
});
`;

interface LoadFigures {
  shownMs: number;
  interactiveMs: number;
  scriptBytes: number;
  scripts: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe('the join page on a throttled phone', () => {
  const suite = useBrowserSuite();

  /** Loads the join page in a fresh phone context under `profile` and measures it. */
  const load = async (profile: Profile, run: number): Promise<{ page: Page; figures: LoadFigures }> => {
    const page = await suite.phone(`phone-load ${profile.name} #${run}`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.download, uploadThroughput: profile.upload });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await page.addInitScript({ content: PROBE });
    await page.goto(`${suite.server.url}/`, { waitUntil: 'commit' });
    const probe = await page.evaluate<{ shownMs: number; interactiveMs: number }>('window.__pinProbe');
    // What the page fetched as script, in bytes on the wire (gzip bodies).
    const scripts = await page.evaluate<number[]>(
      "performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).map((r) => r.encodedBodySize)",
    );
    return { page, figures: { ...probe, scriptBytes: scripts.reduce((a, b) => a + b, 0), scripts: scripts.length } };
  };

  it('prints when the PIN field takes typing over school Wi-Fi and over Fast 3G', { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    for (const profile of PROFILES) {
      const runs: LoadFigures[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const { page, figures } = await load(profile, run);
        runs.push(figures);
        // A person's keystrokes, too: the rest of a PIN goes in through the keyboard.
        const pin = page.locator('input.input--pin');
        await pin.pressSequentially('12345');
        expect(await pin.inputValue()).toBe('712345');
        // The join page and the play screen it preloads, within the phone budget on the wire.
        expect(figures.scriptBytes, `${profile.name}: script bytes`).toBeLessThanOrEqual(PHONE_BUDGET_BYTES);
        expect(figures.scriptBytes).toBeGreaterThan(0);
        await page.context().close();
      }
      const each = runs.map((r) => `${Math.round(r.interactiveMs)}`).join(', ');
      // The best run is the closest to an unshared CPU; the median shows what the load did.
      const best = Math.round(Math.min(...runs.map((r) => r.interactiveMs)));
      lines.push(
        `${profile.name}: PIN field takes typing at ${Math.round(median(runs.map((r) => r.interactiveMs)))} ms median, ${best} ms best (${each} ms; ` +
          `shown at ${Math.round(median(runs.map((r) => r.shownMs)))} ms${profile.targetMs ? `; target ${profile.targetMs} ms` : ''}); ` +
          `${runs[0]?.scripts} scripts, ${((runs[0]?.scriptBytes ?? 0) / 1000).toFixed(1)} kB on the wire`,
      );
    }
    console.log(`Join page load, from navigation start:\n  ${lines.join('\n  ')}`);
    expect(suite.problems).toEqual([]);
  });

  it('says the server cannot be reached when the script to join does not load', { timeout: 60_000 }, async () => {
    const page = await suite.phone('join without its chunk');
    // The connection code comes with the play screen's chunks, after the join page shows.
    await page.route(/\/assets\/(player-client|game-client)-[^/]+\.js$/, (route) => route.abort());
    await page.goto(`${suite.server.url}/?pin=123456`);
    await page.locator('input.input--pin').waitFor();
    await page.locator('form button[type=submit]').click();
    const pin = page.locator('input.input--pin');
    await expect.poll(() => pin.getAttribute('aria-invalid')).toBe('true');
    const errorId = await pin.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('The server cannot be reached. Check the connection.');
    await page.context().close();
  });
});
