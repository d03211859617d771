import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TOPICS, type PatientProfileV1 } from '@trialmatch/contracts';
import { inboundFrom, InProcessContext, MessageProcessor } from '@trialmatch/platform';
import { EvaluateProfile } from '../application/evaluate-profile';

@Controller()
export class ProfilesConsumer {
  constructor(
    private readonly processor: MessageProcessor,
    private readonly evaluate: EvaluateProfile,
  ) {}

  @EventPattern(TOPICS.patientProfiles)
  async onProfile(@Ctx() ctx: KafkaContext | InProcessContext): Promise<void> {
    const message = inboundFrom(ctx);
    await this.processor.process<PatientProfileV1>(message, {
      consumer: 'matcher',
      topic: TOPICS.patientProfiles,
      handle: async (profile, c) => {
        await this.evaluate.onProfile(c.manager, profile, c.correlationId, message.partition); // the partition's owner re-screens the patient
      },
    });
  }
}
