import { readFileSync } from 'node:fs';

/** One instruction of a Dockerfile: `COPY --from=build a b` → op COPY, flags {from: build}, args ['a', 'b']. */
export interface DockerInstruction {
  op: string;
  flags: Record<string, string>;
  /** The arguments after the flags, as written (one string). */
  rest: string;
  /** The arguments split on whitespace, or the JSON array's items in exec form. */
  args: string[];
}

/** A build stage: from its `FROM` line to the next. */
export interface DockerStage {
  name: string;
  base: string;
  instructions: DockerInstruction[];
}

/** Splits `--from=build --chown=node a b` into its flags and the rest. */
function splitFlags(text: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = text.trim();
  for (let m = /^--([\w-]+)=(\S+)\s+/.exec(rest); m; m = /^--([\w-]+)=(\S+)\s+/.exec(rest)) {
    flags[m[1]!] = m[2]!;
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

/**
 * Parses a Dockerfile into its stages: comments dropped, `\` continuations joined, exec-form
 * (JSON array) arguments decoded. Enough for the instructions this repository uses; not a
 * full implementation of Docker's grammar (no heredocs, no escape directive).
 */
export function parseDockerfile(path: string): DockerStage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    if (/^\s*#/.test(raw) && pending === '') continue;
    const line = raw.replace(/\s+$/, '');
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (full) logical.push(full);
  }
  const stages: DockerStage[] = [];
  for (const line of logical) {
    const [, op = '', after = ''] = /^(\w+)\s*(.*)$/.exec(line) ?? [];
    const upper = op.toUpperCase();
    const { flags, rest } = splitFlags(after);
    const args = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : rest.split(/\s+/).filter(Boolean);
    if (upper === 'FROM') {
      const [base = '', as, name] = args;
      stages.push({ name: as?.toUpperCase() === 'AS' && name ? name : String(stages.length), base, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`${path}: ${upper} before the first FROM`);
    stage.instructions.push({ op: upper, flags, rest, args });
  }
  return stages;
}

/** `ENV A=1 B=2` instructions of a stage, merged. */
export function stageEnv(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.filter((x) => x.op === 'ENV')) {
    for (const pair of i.args) {
      const eq = pair.indexOf('=');
      if (eq > 0) env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}
