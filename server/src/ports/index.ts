export * from './clock.ts';
export * from './event-log.ts';
export * from './game-bus.ts';
export * from './quiz-store.ts';
export * from './game-directory.ts';
export * from './game-leases.ts';
export * from './command-relay.ts';
export * from './report-store.ts';
