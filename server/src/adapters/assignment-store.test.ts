import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assignmentStoreContract } from '../ports/contracts/assignment-store.contract.ts';
import { FakeClock } from './memory/fake-clock.ts';
import { FileAssignmentStore } from './memory/file-assignment-store.ts';

const DAY = 24 * 3600 * 1000;

assignmentStoreContract('files under DATA_DIR', async (retentionDays) => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-assignments-'));
  const clock = new FakeClock();
  const make = () => new FileAssignmentStore(dir, retentionDays * DAY, clock);
  return { store: make(), clock, reopen: async () => make(), done: () => rm(dir, { recursive: true, force: true }) };
});
