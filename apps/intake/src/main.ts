import 'reflect-metadata';
import { runServiceMain } from '@trialmatch/platform';
import { createIntakeApp } from './bootstrap';
import { intakeEnvSchema } from './config';
import { INTAKE_PERSISTENCE } from './intake.module';

// `main.js migrate` applies the database migrations and exits (the migration job); otherwise the service runs.
runServiceMain('intake', intakeEnvSchema, createIntakeApp, INTAKE_PERSISTENCE);
