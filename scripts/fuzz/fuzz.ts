import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `npm run fuzz -- --commands 100000 [--seed N] [--path P]`: the fuzz property of
 * tests/fuzz/command-fuzz.test.ts, the very test `npm test` runs, for as many commands as asked
 * instead of 400 batches. It is run through vitest (so the property exists once) with
 * FUZZ_COMMANDS, FUZZ_SEED and FUZZ_PATH set. The seed is chosen here and printed before the run
 * and again on failure; `--seed` replays a run exactly (the commands depend on the seed alone),
 * and `--path` with the path fast-check reports goes straight to the failing batch.
 * Not part of `npm test`: it is CPU heavy (run it under `nice`).
 */
const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    path: { type: 'string' },
  },
});
const commands = Number(values.commands);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(commands) || commands < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --commands N [--seed N] [--path P]');
  process.exit(2);
}
const replay = `npm run fuzz -- --commands ${commands} --seed ${seed}`;
console.log(`fuzz: ${commands} commands, seed ${seed} (replay: ${replay})`);

const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const started = performance.now();
const child = spawn(process.execPath, [vitest, 'run', 'tests/fuzz/command-fuzz.test.ts', '-t', 'acknowledges thousands of hostile commands'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_COMMANDS: String(commands), FUZZ_SEED: String(seed), ...(values.path !== undefined && { FUZZ_PATH: values.path }) },
});
child.on('exit', (code, signal) => {
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  if (code === 0) {
    console.log(`fuzz passed: ${commands} commands, seed ${seed}, ${minutes} min`);
  } else {
    console.error(`fuzz FAILED (${signal ?? `exit ${code}`}) after ${minutes} min, seed ${seed}; replay: ${replay}`);
    console.error('fast-check\'s report above gives the failing path: add --path "<path>" to go straight to it.');
  }
  process.exit(code ?? 1);
});
