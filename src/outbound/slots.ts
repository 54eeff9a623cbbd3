/**
 * Outbound request slots for one invocation. Production lets an invocation hold 6 connections at once
 * (more wait inside the runtime, where their timeouts already run); local mode enforces nothing. So
 * every outbound request of a delivery invocation takes a slot here first: at most `total` in flight,
 * and at most `perKey` to one key (a destination host). Waiters start in arrival order, except that
 * one waiting on a busy key never holds back a waiter for another key.
 *
 * One instance per invocation, shared by everything that invocation sends, so pipelined work (claiming
 * and recording one group of deliveries while another is sent) cannot add connections.
 */
export class OutboundSlots {
  private running = 0;
  private readonly perKeyRunning = new Map<string, number>();
  private readonly waiting: Array<{ key: string; start: () => void }> = [];

  constructor(
    readonly total: number,
    readonly perKey: number,
  ) {}

  /** Runs `work` once a slot for `key` is free; the slot is released when it settles. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await work();
    } finally {
      this.release(key);
    }
  }

  private canStart(key: string): boolean {
    return this.running < this.total && (this.perKeyRunning.get(key) ?? 0) < Math.max(1, this.perKey);
  }

  private take(key: string): void {
    this.running += 1;
    this.perKeyRunning.set(key, (this.perKeyRunning.get(key) ?? 0) + 1);
  }

  private acquire(key: string): Promise<void> {
    if (this.waiting.length === 0 && this.canStart(key)) {
      this.take(key);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push({ key, start: resolve });
      this.pump();
    });
  }

  private release(key: string): void {
    this.running -= 1;
    const left = (this.perKeyRunning.get(key) ?? 1) - 1;
    if (left > 0) this.perKeyRunning.set(key, left);
    else this.perKeyRunning.delete(key);
    this.pump();
  }

  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.total; ) {
      const waiter = this.waiting[i]!;
      if (!this.canStart(waiter.key)) {
        i += 1;
        continue;
      }
      this.waiting.splice(i, 1);
      this.take(waiter.key);
      waiter.start();
    }
  }
}
