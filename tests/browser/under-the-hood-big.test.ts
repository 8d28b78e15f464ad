import { describe, expect, it } from 'vitest';
import { dialogFit, hostSeatScript, screenshot } from '../support/browser.ts';
import { expectAccessible, useBrowserSuite } from '../support/browser-suite.ts';
import { connect, createGame, joinPlayers, saveQuiz } from '../support/test-client.ts';

/** The telemetry gauges of GET /metrics: how many sockets watch, how many windows are open. */
async function watches(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^quizbus_telemetry_watches(?:\{[^}]*\})? (\S+)$/m.exec(text)?.[1]);
}

/**
 * Issue 12, point 4: the full-screen "under the hood" diagram during a game, on the display at
 * projector sizes and on the host console: it fits without scrolling, shows the log's seq and the counts, and costs the
 * server one watch like the small panel.
 */
describe('the full-screen under-the-hood diagram in Chromium', () => {
  const suite = useBrowserSuite();

  for (const { screen, viewport, sockets, reducedMotion } of [
    { screen: 'display', viewport: { width: 1280, height: 720 }, sockets: 'Sockets3 phones1 host1 display', reducedMotion: 'no-preference' as const },
    { screen: 'display', viewport: { width: 1920, height: 1080 }, sockets: 'Sockets3 phones1 host1 display', reducedMotion: 'no-preference' as const },
    // The teacher's laptop asks for less motion: nothing travels, the path is lit.
    { screen: 'host', viewport: { width: 1366, height: 768 }, sockets: 'Sockets3 phones2 hosts0 displays', reducedMotion: 'reduce' as const },
  ]) {
    it(`follows a question's events on a ${viewport.width}×${viewport.height} ${screen}`, { timeout: 120_000 }, async () => {
      const quizId = await saveQuiz(suite.server.url, {
        title: 'Big hood quiz',
        readTimeSec: 1,
        questions: [{ type: 'single', text: 'Which bus?', options: ['big-right', 'big-wrong'], correct: 0, timeLimitSec: 30 }],
      });
      const game = await createGame(suite.server.url, quizId);
      const page = await suite.page(`${screen}-${viewport.width}`, { viewport, reducedMotion });
      await page.addInitScript(hostSeatScript(game));
      await page.goto(`${suite.server.url}/${screen}/${game.pin}`);
      const players = await joinPlayers(suite.server.url, game.pin, ['Ann', 'Bob', 'Cat'], suite.clients);
      const host = await connect(suite.server.url);
      suite.clients.push(host);
      expect((await host.send('host.attach', { pin: game.pin, hostToken: game.hostToken })).ok).toBe(true);

      // Keyboard only: focus the button, Enter opens the dialog with focus on its close button.
      const opener = page.getByRole('button', { name: 'Full-screen event flow' });
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: "How your game's events travel" });
      await dialog.waitFor();
      await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Close');
      await dialog.getByText('in-process', { exact: false }).waitFor();

      expect((await host.send('host.start', {})).ok).toBe(true);
      const shown = await host.next('question.shown');
      await suite.server.clock.advanceTo(shown.opensAt);
      await host.next('question.opened');
      for (const p of players.slice(0, 2)) expect((await p.send('answer.submit', { index: 0, answer: { kind: 'choice', choice: 1 } })).ok).toBe(true);
      expect((await host.send('host.skip', {})).ok).toBe(true);
      const closed = await host.next('question.closed');
      await suite.server.clock.advance(250);

      const path = dialog.getByRole('list', { name: 'Path of an event' });
      await path.getByText(`#${closed.seq}`, { exact: true }).waitFor();
      await dialog.getByRole('list', { name: 'Latest events' }).getByText('2 answers to question 1').waitFor();
      const stations = await path.getByRole('listitem').allTextContents();
      expect(stations[1]).toContain(suite.server.quizbus.nodeId);
      expect(stations[3]).toContain('in-process bus (embedded)');
      expect(stations[5]).toBe(sockets);
      const motion = { pulses: await dialog.locator('.flow__pulse').count(), lit: await dialog.locator('.flow__station--lit').count() };
      if (reducedMotion === 'reduce') expect(motion).toEqual({ pulses: 0, lit: 6 });
      else expect(motion.pulses > 0 && motion.lit === 0, `dots travel, nothing lit: ${JSON.stringify(motion)}`).toBe(true);
      const text = (await dialog.textContent()) ?? '';
      expect(text).not.toContain('big-right');
      expect(text).not.toContain('big-wrong');

      await screenshot(page, `under-the-hood-big-${screen}-${viewport.width}x${viewport.height}`);
      expect(await dialogFit(page)).toEqual({ scrolls: false, outside: [] });
      await expectAccessible(page, `the full-screen diagram on the ${screen} at ${viewport.width}×${viewport.height}`);

      // The small panel open too: still one watch on the server, none once both are closed.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Full-screen event flow');
      await page.getByRole('button', { name: 'Under the hood', exact: true }).click();
      await opener.click();
      await dialog.waitFor();
      await expect.poll(() => watches(suite.server.url)).toBe(1);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'Hide under the hood' }).click();
      await expect.poll(() => watches(suite.server.url)).toBe(0);
      expect(suite.problems).toEqual([]);
    });
  }
});
