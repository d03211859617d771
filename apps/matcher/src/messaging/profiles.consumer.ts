import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type PatientProfileV1 } from '@trialmatch/contracts';
import { Inject } from '@nestjs/common';
import { BATCH, FieldSeal, inboundBatchFrom, InboundBatchContext, InProcessContext, MessageProcessor, TerminalError } from '@trialmatch/platform';
import { MATCHER_SETTINGS, type MatcherSettings } from '../matcher.settings';
import { EvaluateProfile } from '../application/evaluate-profile';

@Controller()
export class ProfilesConsumer {
  private readonly seal: FieldSeal;

  constructor(
    private readonly processor: MessageProcessor,
    private readonly evaluate: EvaluateProfile,
    @Inject(MATCHER_SETTINGS) settings: MatcherSettings,
  ) {
    this.seal = new FieldSeal(settings.profileSealKey);
  }

  /** The profile with its birth date opened (sealed by intake for the topic); a value that does not open is poison. */
  private opened(message: PatientProfileV1): PatientProfileV1 {
    const demographics = message.profile.demographics as { birthDate?: unknown } | undefined;
    if (!FieldSeal.isSealed(demographics?.birthDate)) return message;
    let birthDate: string;
    try {
      birthDate = this.seal.open(demographics.birthDate);
    } catch {
      throw new TerminalError('/profile/demographics/birthDate: sealed with another key (PROFILE_SEAL_KEY differs from intake’s) or altered');
    }
    return { ...message, profile: { ...message.profile, demographics: { ...demographics, birthDate } } };
  }

  /** Fetched messages together (of one partition, or of several fetched at once: KAFKA_JOIN_PARTITIONS_UP_TO): one transaction, one evaluation pass (MessageProcessor.processBatch). */
  @EventPattern(TOPICS.patientProfiles, BATCH)
  async onProfiles(@Ctx() ctx: KafkaContext | InProcessContext | InboundBatchContext): Promise<void> {
    await this.processor.processBatch<PatientProfileV1>(inboundBatchFrom(ctx), {
      consumer: 'matcher',
      topic: TOPICS.patientProfiles,
      handleBatch: async (items, manager) => {
        // The partition is remembered: its owner re-screens the patient.
        await this.evaluate.onProfiles(manager, items.map((i) => ({ message: this.opened(i.value), correlationId: i.correlationId, partition: i.inbound.partition })));
      },
    });
  }
}
