import { Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectMetric, makeGaugeProvider } from '@willsoto/nestjs-prometheus';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { KafkaSecurity } from '../config/secure-connections';
import type { Gauge } from 'prom-client';

export interface ConsumerLagSettings {
  brokers: string[];
  security?: KafkaSecurity;
  clientId: string;
  groupId: string;
  intervalMs: number;
}
const LAG_SETTINGS = Symbol('LAG_SETTINGS');

/**
 * Consumer lag per topic partition for this service's group (end offset minus committed offset), as the
 * gauge `trialmatch_consumer_lag`, refreshed every interval from the broker's own bookkeeping.
 */
@Injectable()
export class ConsumerLagMonitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ConsumerLagMonitor.name);
  private admin: Admin | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(LAG_SETTINGS) private readonly settings: ConsumerLagSettings,
    @InjectMetric('trialmatch_consumer_lag') private readonly lag: Gauge<'group' | 'topic' | 'partition'>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void (this.running ??= this.measure().finally(() => (this.running = null))), this.settings.intervalMs);
    this.timer.unref();
  }

  /** Reads committed and end offsets once and updates the gauge; failures are logged and retried next interval. */
  async measure(): Promise<void> {
    try {
      this.admin ??= new Kafka({ brokers: this.settings.brokers, clientId: `${this.settings.clientId}-lag`, logLevel: logLevel.NOTHING, ...this.settings.security }).admin();
      await this.admin.connect();
      const committed = await this.admin.fetchOffsets({ groupId: this.settings.groupId });
      for (const { topic, partitions } of committed) {
        const ends = new Map((await this.admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p]));
        for (const p of partitions) {
          const end = ends.get(p.partition);
          if (!end) continue;
          const from = Number(p.offset) >= 0 ? Number(p.offset) : Number(end.low);
          this.lag.set({ group: this.settings.groupId, topic, partition: String(p.partition) }, Math.max(0, Number(end.high) - from));
        }
      }
    } catch (e) {
      this.logger.warn(`consumer lag not measured: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.admin?.disconnect();
  }
}

@Module({})
export class ConsumerLagModule {
  static register(settings: ConsumerLagSettings): DynamicModule {
    return {
      module: ConsumerLagModule,
      providers: [
        { provide: LAG_SETTINGS, useValue: settings },
        makeGaugeProvider({ name: 'trialmatch_consumer_lag', help: 'Messages not yet consumed by the group, per topic partition', labelNames: ['group', 'topic', 'partition'] }),
        ConsumerLagMonitor,
      ],
      exports: [ConsumerLagMonitor],
    };
  }
}
