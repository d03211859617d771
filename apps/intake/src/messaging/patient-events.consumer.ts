import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { eventProblems } from '@trialmatch/core';
import { FieldSeal, inboundFrom, InProcessContext, MessageProcessor, TerminalError } from '@trialmatch/platform';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake.settings';
import { contentHashOf, IngestPatientEvent } from '../application/ingest-patient-event';

/** Hospital feeds on Kafka: the same use case as HTTP, behind the inbox, retries and DLQ. */
@Controller()
export class PatientEventsConsumer {
  /** Hospital events carry the sender's patient id (and may carry names): their dead letters are sealed. */
  private readonly deadLetterSeal: FieldSeal;

  constructor(
    private readonly processor: MessageProcessor,
    private readonly ingest: IngestPatientEvent,
    @Inject(INTAKE_SETTINGS) settings: IntakeSettings,
  ) {
    this.deadLetterSeal = new FieldSeal(settings.profileSealKey, 'dead-letters');
  }

  @EventPattern(TOPICS.patientEvents)
  async onPatientEvent(@Ctx() ctx: KafkaContext | InProcessContext): Promise<void> {
    await this.processor.process<PatientEventV1>(inboundFrom(ctx), {
      consumer: 'intake',
      topic: TOPICS.patientEvents,
      // The inbox dedupes exact repeats only: the same id with other content must reach intake to be recorded as a conflict.
      eventIdOf: (e) => `${e.eventId}#${contentHashOf(e)}`,
      sealDeadLetters: this.deadLetterSeal,
      handle: async (event, c) => {
        const problems = eventProblems(event);
        if (problems.length > 0) throw new TerminalError(`implausible event: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
        await this.ingest.execute(c.manager, event, c.correlationId, 'kafka');
      },
    });
  }
}
