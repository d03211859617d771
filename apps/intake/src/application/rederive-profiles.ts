import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PeriodicTask } from '@trialmatch/platform';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake.settings';
import { IngestPatientEvent } from './ingest-patient-event';

/**
 * After an upgrade of the clinical core (a new settings label), re-derives every stored patient whose profile was
 * derived with other settings, a batch per transaction, at start and then every `rederiveCheckMs`; the new versions
 * go out on patient-profiles.v1 as any other, so the matcher re-screens those patients. Instances side by side share
 * the work: a patient whose row another holds is skipped (`SKIP LOCKED`) and taken at a later check if still stale.
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

  /**
   * Re-derives batch after batch, in pseudonym order, until none is left (or the service stops); returns how many
   * patients got a new version. A batch that fails is taken again one patient at a time, each in a transaction of its
   * own, so that one patient whose profile cannot be derived (logged with its pseudonym) holds up no other; it, and
   * patients another transaction held, are tried again at the next check.
   */
  async runAll(): Promise<number> {
    let total = 0;
    let after: string | null = null;
    const rederive = (patients: readonly string[]) => this.dataSource.transaction((m) => this.ingest.rederive(m, patients));
    while (!this.stopping) {
      const batch = await this.ingest.staleProfiles(this.dataSource, this.settings.rederiveBatch ?? 100, after);
      if (batch.length === 0) break;
      after = batch.at(-1)!;
      try {
        total += (await rederive(batch)).versions;
      } catch (batchError) {
        this.logger.warn(`re-deriving a batch of ${batch.length} patient(s) failed, taking them one by one: ${batchError instanceof Error ? batchError.message : String(batchError)}`);
        for (const p of batch) {
          if (this.stopping) break;
          try {
            total += (await rederive([p])).versions;
          } catch (e) {
            this.logger.warn(`re-deriving patient ${p} failed, will retry at the next check: ${e instanceof Error ? e.message : String(e)}`);
          }
        }
      }
    }
    if (total > 0) this.logger.log(`re-derived ${total} patient profile(s) under the current settings`);
    return total;
  }
}
