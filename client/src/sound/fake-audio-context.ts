/**
 * A stand-in for the Web Audio API in unit tests: it keeps an audio clock the test moves and
 * records every oscillator started (its frequency and start time), so a test can tell which
 * sounds would play and when, without a sound card.
 */
export interface StartedNote {
  hz: number;
  at: number;
}

class FakeParam {
  value = 1;
  setValueAtTime(v: number): this {
    this.value = v;
    return this;
  }
  linearRampToValueAtTime(v: number): this {
    this.value = v;
    return this;
  }
  exponentialRampToValueAtTime(v: number): this {
    this.value = v;
    return this;
  }
}

class FakeNode {
  connect<T>(to: T): T {
    return to;
  }
  disconnect(): void {}
}

export class FakeAudioContext {
  currentTime = 0;
  state: AudioContextState = 'running';
  readonly destination = new FakeNode();
  readonly started: StartedNote[] = [];
  private listeners: Array<() => void> = [];

  createGain() {
    return Object.assign(new FakeNode(), { gain: new FakeParam() });
  }

  createOscillator() {
    const frequency = new FakeParam();
    const started = this.started;
    return Object.assign(new FakeNode(), {
      type: 'sine',
      frequency,
      start: (at: number) => started.push({ hz: frequency.value, at }),
      stop: () => {},
    });
  }

  addEventListener(_name: 'statechange', fn: () => void): void {
    this.listeners.push(fn);
  }

  removeEventListener(_name: 'statechange', fn: () => void): void {
    this.listeners = this.listeners.filter((l) => l !== fn);
  }

  resume(): Promise<void> {
    this.state = 'running';
    for (const fn of this.listeners) fn();
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.state = 'closed';
    return Promise.resolve();
  }
}
