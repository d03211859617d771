import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type PatientEventV1 } from '@trialmatch/contracts';
import { eventProblems } from '@trialmatch/core';
import { BATCH, FieldSeal, inboundBatchFrom, InboundBatchContext, InProcessContext, MessageProcessor, TerminalError, type BatchConsumerSpec } from '@trialmatch/platform';
import { INTAKE_SETTINGS, type IntakeSettings } from '../intake.settings';
import { contentHashOf, IngestPatientEvent } from '../application/ingest-patient-event';

/** Hospital feeds on Kafka: the same use case as HTTP, behind the inbox, retries and DLQ. */
@Controller()
export class PatientEventsConsumer {
  private readonly spec: BatchConsumerSpec<PatientEventV1>;

  constructor(
    private readonly processor: MessageProcessor,
    private readonly ingest: IngestPatientEvent,
    @Inject(INTAKE_SETTINGS) settings: IntakeSettings,
  ) {
    this.spec = {
      consumer: 'intake',
      topic: TOPICS.patientEvents,
      // The inbox dedupes exact repeats only: the same id with other content must reach intake to be recorded as a conflict.
      eventIdOf: (e) => `${e.eventId}#${contentHashOf(e)}`,
      // Hospital events carry the sender's patient id (and may carry names): their dead letters are sealed.
      sealDeadLetters: new FieldSeal(settings.profileSealKey, 'dead-letters'),
      handleBatch: async (items, manager) => {
        for (const { value: event } of items) {
          const problems = eventProblems(event);
          if (problems.length > 0) throw new TerminalError(`implausible event: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`);
        }
        await this.ingest.executeBatch(manager, items.map(({ value: event, correlationId }) => ({ event, correlationId })), 'kafka');
      },
    };
  }

  /**
   * Fetched events together (of one partition, or of several fetched at once: KAFKA_JOIN_PARTITIONS_UP_TO;
   * MessageProcessor.processBatch): one transaction and one commit for up to 200 events, applied together (IngestPatientEvent.executeBatch: one profile
   * recomputation per patient, so a patient's events in the batch yield at most one profile version).
   * An implausible event fails the batch, which is then processed message by message, so that event
   * alone is dead-lettered.
   */
  @EventPattern(TOPICS.patientEvents, BATCH)
  async onPatientEvents(@Ctx() ctx: KafkaContext | InProcessContext | InboundBatchContext): Promise<void> {
    await this.processor.processBatch<PatientEventV1>(inboundBatchFrom(ctx), this.spec);
  }
}
