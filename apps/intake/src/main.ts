import 'reflect-metadata';
import { runServiceMain } from '@trialmatch/platform';
import { createIntakeApp } from './bootstrap';
import { intakeEnvSchema } from './config';

runServiceMain('intake', intakeEnvSchema, createIntakeApp);
