import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { formatPhoneBudget, measurePhoneScripts, PHONE_BUDGET_BYTES } from '../../client/build/phone-budget.ts';
import { useServer } from './helpers.ts';

const DIST = fileURLToPath(new URL('../../client/dist/', import.meta.url));

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length));
}

/**
 * Issue 12, point 8: the script a phone loads to join and play stays within 60 kB gzip, and
 * production serves no source maps. The globalSetup builds client/dist as `npm start` does.
 */
describe('the light phone page', () => {
  const h = useServer();

  it('keeps the join and play screens within the phone budget, without zod', () => {
    expect(inject('clientBuildError')).toBeNull();
    const budget = measurePhoneScripts(DIST);
    console.log(formatPhoneBudget(budget));
    expect(budget.phone.gzipBytes, formatPhoneBudget(budget)).toBeLessThanOrEqual(PHONE_BUDGET_BYTES);
    // zod (23 kB gzip with the schemas) is for the teacher's screens; a value imported from a module
    // that builds schemas brings it to every phone. Its core names its classes with these strings.
    const withZod = budget.phone.scripts.filter((s) => readFileSync(join(DIST, s.file), 'utf8').includes('$ZodType'));
    expect(withZod.map((s) => s.file), 'phone scripts carrying zod').toEqual([]);
  });

  it('builds no source maps and serves none, and gzips what a phone downloads', async () => {
    expect(inject('clientBuildError')).toBeNull();
    expect(filesUnder(DIST).filter((f) => f.endsWith('.map'))).toEqual([]);
    const [entry] = measurePhoneScripts(DIST).screens[0]?.scripts ?? [];
    expect(entry).toBeDefined();
    const script = await fetch(`${h.server.url}/${entry?.file}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${h.server.url}/${entry?.file}.map`)).status).toBe(404);
  });
});
