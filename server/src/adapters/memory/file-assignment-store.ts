import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assignment, AttemptEvent } from '../../engine/self-paced.ts';
import type { Clock } from '../../ports/clock.ts';
import type { AssignmentStore } from '../../ports/assignment-store.ts';
import { VersionConflictError } from '../../ports/event-log.ts';

/** Assignment ids are generated (a_ and 12 URL-safe characters); anything else never names a file. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** One assignment with its attempts, as kept in memory and in its file. */
interface Record {
  assignment: Assignment;
  /** Attempts in claim order. */
  claims: Array<{ attemptId: string; studentKey: string }>;
  logs: { [attemptId: string]: AttemptEvent[] };
}

/**
 * The embedded assignment store: everything in memory, and with a data directory one JSON
 * file per assignment under `<dataDir>/assignments/`, rewritten (temporary name, then rename)
 * after each change. An assignment lasts days, so unlike a live game it must outlive a
 * restart of the embedded server. Files past retention are deleted at the next creation.
 */
export class FileAssignmentStore implements AssignmentStore {
  private readonly records = new Map<string, Record>();

  constructor(
    private readonly dataDir: string | null,
    private readonly retentionMs: number,
    private readonly clock: Clock,
  ) {
    const dir = this.dir;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const r = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Record;
        this.records.set(r.assignment.id, r);
      } catch {
        // A broken or hand-edited file is skipped, not fatal.
      }
    }
  }

  private get dir(): string | null {
    return this.dataDir === null ? null : join(this.dataDir, 'assignments');
  }

  private live(id: string): Record | null {
    const r = this.records.get(id);
    return r && this.clock.now() < r.assignment.closesAt + this.retentionMs ? r : null;
  }

  private write(r: Record): void {
    const dir = this.dir;
    if (!dir) return;
    const file = join(dir, `${r.assignment.id}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(r));
    renameSync(`${file}.tmp`, file);
  }

  async create(assignment: Assignment): Promise<boolean> {
    if (!SAFE_ID.test(assignment.id)) throw new Error(`not an assignment id: ${assignment.id}`);
    for (const [id, r] of this.records) {
      if (this.live(id)) continue;
      this.records.delete(id);
      if (this.dir) rmSync(join(this.dir, `${r.assignment.id}.json`), { force: true });
    }
    if (await this.byPin(assignment.pin)) return false;
    const r: Record = { assignment, claims: [], logs: {} };
    this.records.set(assignment.id, r);
    this.write(r);
    return true;
  }

  async get(assignmentId: string): Promise<Assignment | null> {
    return this.live(assignmentId)?.assignment ?? null;
  }

  async byPin(pin: string): Promise<Assignment | null> {
    for (const id of this.records.keys()) {
      const r = this.live(id);
      if (r?.assignment.pin === pin) return r.assignment;
    }
    return null;
  }

  async list(): Promise<Assignment[]> {
    return [...this.records.keys()]
      .map((id) => this.live(id)?.assignment)
      .filter((a): a is Assignment => a !== undefined)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  async claimAttempt(assignmentId: string, studentKey: string, attemptId: string, max: number): Promise<number | null> {
    const r = this.live(assignmentId);
    if (!r) return null;
    const used = r.claims.filter((c) => c.studentKey === studentKey).length;
    if (used >= max) return null;
    r.claims.push({ attemptId, studentKey });
    this.write(r);
    return used + 1;
  }

  async append(assignmentId: string, attemptId: string, expectedVersion: number, events: readonly AttemptEvent[]): Promise<void> {
    const r = this.live(assignmentId);
    if (!r) throw new Error(`no assignment ${assignmentId}`);
    const log = r.logs[attemptId] ?? [];
    if (log.length !== expectedVersion) throw new VersionConflictError(attemptId, expectedVersion, log.length);
    r.logs[attemptId] = [...log, ...events];
    this.write(r);
  }

  async read(assignmentId: string, attemptId: string): Promise<AttemptEvent[]> {
    return [...(this.live(assignmentId)?.logs[attemptId] ?? [])];
  }

  async attempts(assignmentId: string): Promise<AttemptEvent[][]> {
    const r = this.live(assignmentId);
    if (!r) return [];
    return r.claims.map((c) => r.logs[c.attemptId] ?? []).filter((log) => log.length > 0);
  }
}
