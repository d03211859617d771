import { Module, type DynamicModule } from '@nestjs/common';
import { IngestPatientEvent } from './application/ingest-patient-event';
import { PatientEventsController } from './http/patient-events.controller';
import { INTAKE_SETTINGS, type IntakeSettings } from './intake.settings';
import { PatientEventsConsumer } from './messaging/patient-events.consumer';
import { INTAKE_ENTITIES } from './persistence/entities';
import { Intake1764400001000 } from './persistence/migrations/1764400001000-intake';

export const INTAKE_PERSISTENCE = { entities: INTAKE_ENTITIES, migrations: [Intake1764400001000] };

/** The intake service's module; needs PlatformModule (database, outbox, consumer) in the same app. */
@Module({})
export class IntakeModule {
  static register(settings: IntakeSettings): DynamicModule {
    return {
      module: IntakeModule,
      controllers: [PatientEventsController, PatientEventsConsumer],
      providers: [{ provide: INTAKE_SETTINGS, useValue: settings }, IngestPatientEvent],
      exports: [IngestPatientEvent],
    };
  }
}
