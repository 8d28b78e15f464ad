import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventLogContract } from '../../ports/contracts/event-log.contract.ts';
import { gameBusContract } from '../../ports/contracts/game-bus.contract.ts';
import { gameDirectoryContract } from '../../ports/contracts/game-directory.contract.ts';
import { bundledSample, quizStoreContract } from '../../ports/contracts/quiz-store.contract.ts';
import { FileQuizStore } from './file-quiz-store.ts';
import { MemoryEventLog } from './memory-event-log.ts';
import { MemoryGameBus } from './memory-game-bus.ts';
import { MemoryGameDirectory } from './memory-game-directory.ts';

eventLogContract('memory', async () => ({ log: new MemoryEventLog(), done: async () => {} }));

gameBusContract('memory', async () => {
  const bus = new MemoryGameBus();
  return { a: bus, b: bus, done: () => bus.close() };
});

gameDirectoryContract('memory', async () => ({ dir: new MemoryGameDirectory(), done: async () => {} }));

quizStoreContract('files under DATA_DIR', true, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'quizbus-store-'));
  return {
    store: new FileQuizStore([bundledSample], dir),
    reopen: async () => new FileQuizStore([bundledSample], dir),
    done: () => rm(dir, { recursive: true, force: true }),
  };
});

quizStoreContract('memory only', false, async () => ({ store: new FileQuizStore([bundledSample], null), done: async () => {} }));
