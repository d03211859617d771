import type { Logger } from '@nestjs/common';

/**
 * A piece of background work run every interval and on demand, never twice at once in this process (a
 * call while a pass runs gets that pass), and waited for on shutdown. A failed pass is logged; the next
 * interval tries again.
 */
export class PeriodicTask<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(
    private readonly what: string,
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly work: () => Promise<T>,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.run().catch((e: unknown) => this.logger.warn(`${this.what} failed, will retry: ${e instanceof Error ? e.message : String(e)}`)), intervalMs);
    this.timer.unref();
  }

  run(): Promise<T> {
    this.running ??= this.work().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
