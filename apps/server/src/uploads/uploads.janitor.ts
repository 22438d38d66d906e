import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IntervalWorker } from '../common/interval-worker';
import { UploadsService } from './uploads.service';

/** Photos no report used within a week (abandoned drafts) are deleted with their files. */
export const UNCLAIMED_UPLOAD_DAYS = 7;

@Injectable()
export class UploadsJanitor extends IntervalWorker {
  protected readonly logger = new Logger(UploadsJanitor.name);

  constructor(
    private readonly uploads: UploadsService,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  /** Hourly is plenty; off when the workers are off (tests drive tick()). */
  protected override intervalMs(): number {
    return this.config.workerIntervalMs > 0 ? 3600_000 : 0;
  }

  tick(now = new Date()): Promise<number> {
    return this.uploads.purgeUnclaimed(new Date(now.getTime() - UNCLAIMED_UPLOAD_DAYS * 86_400_000));
  }
}
