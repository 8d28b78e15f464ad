import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';

export interface Shot {
  /** What the screen shows, e.g. "gk q3 reveal". */
  label: string;
  /** The screenshot's file. */
  path: string;
}

/**
 * Lays a size's screenshots out on one page (thumbnails with their labels, in the order taken)
 * and saves it as `<dir>/contact-sheet-<name>.png`, to look at a whole game at one size at once.
 */
export async function saveContactSheet(browser: Browser, dir: string, name: string, shots: Shot[], thumbWidth: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  const html = join(dir, `contact-sheet-${name}.html`);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const cells = shots
    .map((s) => `<figure><img src="${esc(relative(dir, s.path))}" width="${thumbWidth}"><figcaption>${esc(s.label)}</figcaption></figure>`)
    .join('\n');
  await writeFile(
    html,
    `<!doctype html><meta charset="utf-8"><title>${esc(name)}</title><style>
      body{margin:8px;font:14px system-ui,sans-serif;background:#eee;display:flex;flex-wrap:wrap;gap:8px;width:${thumbWidth * 6 + 48}px}
      figure{margin:0;background:#fff;padding:4px}img{display:block;border:1px solid #999}figcaption{padding-top:2px}
    </style><h1 style="width:100%;margin:0;font-size:18px">${esc(name)}: ${shots.length} screens</h1>${cells}`,
  );
  const context = await browser.newContext({ viewport: { width: thumbWidth * 6 + 64, height: 600 } });
  try {
    const page = await context.newPage();
    await page.goto(`file://${html}`);
    await page.waitForFunction('[...document.images].every((i) => i.complete)');
    const out = join(dir, `contact-sheet-${name}.png`);
    await page.screenshot({ path: out, fullPage: true });
    return out;
  } finally {
    await context.close();
  }
}
