/** Waits on conditions re-checked whenever something changes; each wait is bounded. */
export class Conditions {
  private readonly waiters = new Set<{ test: () => boolean; done: (err?: Error) => void }>();
  private failure: Error | null = null;

  /** Something went wrong for good (a generator failed): every wait, now and later, fails. */
  fail(err: Error): void {
    this.failure ??= err;
    for (const w of [...this.waiters]) w.done(err);
  }

  notify(): void {
    for (const w of [...this.waiters]) if (w.test()) w.done();
  }

  until(test: () => boolean, ms: number, what: () => string): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        test,
        done: (err?: Error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          if (err) reject(err);
          else resolve();
        },
      };
      const timer = setTimeout(() => waiter.done(new Error(`timed out after ${ms} ms waiting for ${what()}`)), ms);
      this.waiters.add(waiter);
    });
  }
}
