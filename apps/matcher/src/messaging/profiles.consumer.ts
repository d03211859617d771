import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type PatientProfileV1 } from '@trialmatch/contracts';
import { Inject } from '@nestjs/common';
import { FieldSeal, inboundFrom, InProcessContext, MessageProcessor, TerminalError } from '@trialmatch/platform';
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

  @EventPattern(TOPICS.patientProfiles)
  async onProfile(@Ctx() ctx: KafkaContext | InProcessContext): Promise<void> {
    const message = inboundFrom(ctx);
    await this.processor.process<PatientProfileV1>(message, {
      consumer: 'matcher',
      topic: TOPICS.patientProfiles,
      handle: async (profile, c) => {
        await this.evaluate.onProfile(c.manager, this.opened(profile), c.correlationId, message.partition); // the partition's owner re-screens the patient
      },
    });
  }
}
