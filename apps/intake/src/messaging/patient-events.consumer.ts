import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { eventProblems } from '@trialmatch/core';
import { inboundFrom, InProcessContext, MessageProcessor, TerminalError } from '@trialmatch/platform';
import { contentHashOf, IngestPatientEvent } from '../application/ingest-patient-event';

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
      // The inbox dedupes exact repeats only: the same id with other content must reach intake to be recorded as a conflict.
      eventIdOf: (e) => `${e.eventId}#${contentHashOf(e)}`,
      handle: async (event, c) => {
        const problems = eventProblems(event);
        if (problems.length > 0) throw new TerminalError(`implausible event: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
        await this.ingest.execute(c.manager, event, c.correlationId, 'kafka');
      },
    });
  }
}
