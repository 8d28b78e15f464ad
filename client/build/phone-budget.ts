import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The phone's script budget (issue 12, docs/phone-budget.md): the join and play screens a
 * student's phone loads, counted in gzip bytes as the server sends them (kB = 1000 bytes, as
 * Vite prints sizes).
 */
export const PHONE_BUDGET_BYTES = 60_000;

/**
 * What each phone screen needs, as keys of Vite's manifest: the entry, plus the play screen's
 * chunk; and each also loads one language's catalog (CATALOG), counted as the largest one.
 */
export const PHONE_SCREENS = [
  { route: '/', screen: 'join', keys: ['index.html'] },
  { route: '/play', screen: 'play', keys: ['index.html', 'src/routes/play/play-page.tsx'] },
] as const;

/** The per-language message catalogs (client/src/i18n): a phone loads its own language's only. */
const CATALOG = /^src\/i18n\/catalogs\/[^/]+\.json$/;

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ScriptSize {
  file: string;
  gzipBytes: number;
}

export interface ScreenScripts {
  route: string;
  screen: string;
  scripts: ScriptSize[];
  gzipBytes: number;
}

export interface PhoneBudget {
  screens: ScreenScripts[];
  /** Every script of the phone's screens, each counted once: what a phone downloads to join and play. */
  phone: ScreenScripts;
  limitBytes: number;
}

/** The chunks `keys` load before they run: themselves and their static imports, transitively (not dynamic imports). */
function staticClosure(manifest: Manifest, keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    // A screen folded into another chunk (no longer lazy) would be missed: say so instead.
    if (!chunk) throw new Error(`${key} is not a chunk of its own in the build manifest`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  return [...seen].map((key) => (manifest[key] as ManifestChunk).file).filter((file) => file.endsWith('.js'));
}

/**
 * Measures the phone screens' scripts in a built client (`distDir`, built with
 * `build.manifest: true`): each script gzipped at zlib's default level, as the server's
 * compression middleware sends it.
 */
export function measurePhoneScripts(distDir: string): PhoneBudget {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) sizes.set(file, (size = gzipSync(readFileSync(join(distDir, file))).length));
    return size;
  };
  const total = (files: string[]) => files.reduce((sum, file) => sum + sizeOf(file), 0);
  const measure = (route: string, screen: string, files: string[]): ScreenScripts => {
    const scripts = files.map((file) => ({ file, gzipBytes: sizeOf(file) }));
    return { route, screen, scripts, gzipBytes: total(files) };
  };
  const catalogs = Object.keys(manifest).filter((key) => CATALOG.test(key));
  const largest = catalogs.map((key) => staticClosure(manifest, [key])).sort((a, b) => total(b) - total(a))[0] ?? [];
  const screens = PHONE_SCREENS.map((s) => measure(s.route, s.screen, [...new Set([...staticClosure(manifest, s.keys), ...largest])]));
  const all = [...new Set(screens.flatMap((s) => s.scripts.map((x) => x.file)))];
  return { screens, phone: measure('/ + /play', 'join + play', all), limitBytes: PHONE_BUDGET_BYTES };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The budget as a few printable lines. */
export function formatPhoneBudget(b: PhoneBudget): string {
  const lines = [`Phone script budget (gzip): ${kb(b.phone.gzipBytes)} of ${kb(b.limitBytes)} for join + play`];
  for (const s of [...b.screens, b.phone]) {
    lines.push(`  ${s.route.padEnd(10)} ${s.screen.padEnd(12)} ${kb(s.gzipBytes).padStart(9)}  ${s.scripts.map((x) => `${x.file} ${kb(x.gzipBytes)}`).join(', ')}`);
  }
  return lines.join('\n');
}

/** Prints the phone budget after every production build (`vite build`). */
export function phoneBudgetPlugin(): Plugin {
  return {
    name: 'quizbus-phone-budget',
    apply: 'build',
    writeBundle(options) {
      if (!options.dir) return;
      const budget = measurePhoneScripts(options.dir);
      const text = formatPhoneBudget(budget);
      if (budget.phone.gzipBytes > budget.limitBytes) this.warn(`over budget\n${text}`);
      else this.environment.logger.info(`\n${text}`);
    },
  };
}
