import { Module, type DynamicModule } from '@nestjs/common';
import { IngestPatientEvent } from './application/ingest-patient-event';
import { SubmitEvents } from './application/submit-events';
import { EventsController } from './http/events.controller';
import { ConflictsController, PatientsController } from './http/patients.controller';
import { INTAKE_METRIC_PROVIDERS, IntakeMetrics } from './intake.metrics';
import { INTAKE_SETTINGS, type IntakeSettings } from './intake.settings';
import { PatientEventsConsumer } from './messaging/patient-events.consumer';
import { INTAKE_ENTITIES } from './persistence/entities';
import { IntakeAuditMoved1764400014000 } from './persistence/migrations/1764400014000-intake-audit-moved';
import { Intake1764400001000 } from './persistence/migrations/1764400001000-intake';
import { IntakeHistory1764400002000 } from './persistence/migrations/1764400002000-intake-history';
import { IntakeProfileOnce1764400016000 } from './persistence/migrations/1764400016000-intake-profile-once';
import { IntakeJsonDocuments1764400020000 } from './persistence/migrations/1764400020000-intake-json-documents';
import { IntakeProfileSettings1764400022000 } from './persistence/migrations/1764400022000-intake-profile-settings';
import { RederiveProfiles } from './application/rederive-profiles';

export const INTAKE_PERSISTENCE = { entities: INTAKE_ENTITIES, migrations: [Intake1764400001000, IntakeHistory1764400002000, IntakeAuditMoved1764400014000, IntakeProfileOnce1764400016000, IntakeJsonDocuments1764400020000, IntakeProfileSettings1764400022000] };

/** The intake service's module; needs PlatformModule (database, outbox, consumer) in the same app. */
@Module({})
export class IntakeModule {
  static register(settings: IntakeSettings): DynamicModule {
    return {
      module: IntakeModule,
      controllers: [EventsController, PatientsController, ConflictsController, PatientEventsConsumer],
      providers: [{ provide: INTAKE_SETTINGS, useValue: settings }, ...INTAKE_METRIC_PROVIDERS, IntakeMetrics, IngestPatientEvent, SubmitEvents, RederiveProfiles],
      exports: [IngestPatientEvent, SubmitEvents, RederiveProfiles],
    };
  }
}
