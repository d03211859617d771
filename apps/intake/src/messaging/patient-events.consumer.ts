import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { inboundFrom, InProcessContext, MessageProcessor } from '@trialmatch/platform';
import { IngestPatientEvent } from '../application/ingest-patient-event';

/** Hospital feeds on Kafka: the same use case as HTTP, behind the inbox, retries and DLQ. */
@Controller()
export class PatientEventsConsumer {
  constructor(
    private readonly processor: MessageProcessor,
    private readonly ingest: IngestPatientEvent,
  ) {}

  @EventPattern(TOPICS.patientEvents)
  async onPatientEvent(@Ctx() ctx: KafkaContext | InProcessContext): Promise<void> {
    await this.processor.process<PatientEventV1>(inboundFrom(ctx), {
      consumer: 'intake',
      topic: TOPICS.patientEvents,
      eventIdOf: (e) => e.eventId,
      handle: async (event, c) => {
        await this.ingest.execute(c.manager, event, c.correlationId);
      },
    });
  }
}
