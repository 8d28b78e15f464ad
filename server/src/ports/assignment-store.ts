import type { Assignment, AttemptEvent } from '../engine/self-paced.ts';

/**
 * Self-paced assignments and their attempts, shared by every node: there is no owner. Each
 * attempt has its own small log appended with optimistic concurrency (like a game's event
 * log), so any node can serve any student; two requests racing on one attempt cannot both
 * win. Everything is kept until the assignment's deadline plus the report retention
 * (REPORT_RETENTION_DAYS), then it is gone: reads give null or nothing.
 */
export interface AssignmentStore {
  /** Keeps a new assignment; false (and nothing kept) when its PIN belongs to another live assignment. */
  create(assignment: Assignment): Promise<boolean>;
  /** An assignment by id, or null. */
  get(assignmentId: string): Promise<Assignment | null>;
  /** An assignment by its PIN, or null. */
  byPin(pin: string): Promise<Assignment | null>;
  /** Every assignment within retention, most recently created first. */
  list(): Promise<Assignment[]>;
  /**
   * Claims the next attempt of one student (`studentKey`) for `attemptId`, atomically across
   * nodes: its number (1 for the first), or null when the student has `max` already.
   */
  claimAttempt(assignmentId: string, studentKey: string, attemptId: string, max: number): Promise<number | null>;
  /** Appends to one attempt's log; throws VersionConflictError when its version is not `expectedVersion`. */
  append(assignmentId: string, attemptId: string, expectedVersion: number, events: readonly AttemptEvent[]): Promise<void>;
  /** One attempt's events in order; empty for an unknown attempt. */
  read(assignmentId: string, attemptId: string): Promise<AttemptEvent[]>;
  /** Every attempt's log, in the order they were claimed (claimed attempts with no events left out). */
  attempts(assignmentId: string): Promise<AttemptEvent[][]>;
}
