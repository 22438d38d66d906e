import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/**
 * Runs `tick()` every `intervalMs` without overlapping runs. The work itself lives in database
 * rows claimed with leases, so a tick lost to a crash is simply done by the next one (on this or
 * another instance). The interval is WORKER_INTERVAL_MS unless a worker says otherwise; 0
 * disables the timer, and tests call `tick()` directly.
 */
export abstract class IntervalWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  protected abstract readonly config: AppConfig;

  protected intervalMs(): number {
    return this.config.workerIntervalMs;
  }
  abstract tick(now?: Date): Promise<unknown>;

  onApplicationBootstrap(): void {
    const ms = this.intervalMs();
    if (ms <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err: unknown) => this.logger.error(`tick failed: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => (this.running = null));
    }, ms);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
