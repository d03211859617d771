import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicTask } from '@trialmatch/platform';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake.settings';
import { IngestPatientEvent } from './ingest-patient-event';

/**
 * After an upgrade of the clinical core (a new settings label), re-derives every stored patient whose profile was
 * derived with other settings, a batch per transaction, at start and then every `rederiveCheckMs`; the new versions
 * go out on patient-profiles.v1 as any other, so the matcher re-screens those patients.
 */
@Injectable()
export class RederiveProfiles implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RederiveProfiles.name);
  private readonly task = new PeriodicTask('re-deriving profiles', this.logger, () => this.runAll());
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ingest: IngestPatientEvent,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.settings.rederiveCheckMs ?? 600_000;
    if (every <= 0) return;
    this.task.start(every);
    void this.task.run().catch((e: unknown) => this.logger.warn(`re-deriving profiles failed, will retry: ${e instanceof Error ? e.message : String(e)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.task.stop();
  }

  /** Re-derives batch after batch until none is left (or the service stops); returns how many patients were re-derived. */
  async runAll(): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.stopping) return total;
      const n = await this.dataSource.transaction((m) => this.ingest.rederiveStale(m, this.settings.rederiveBatch ?? 100));
      if (n === 0) break;
      total += n;
    }
    if (total > 0) this.logger.log(`re-derived ${total} patient profile(s) under the current settings`);
    return total;
  }
}
