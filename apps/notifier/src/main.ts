import 'reflect-metadata';
import { runServiceMain } from '@trialmatch/platform';
import { createNotifierApp } from './bootstrap';
import { notifierEnvSchema } from './config';
import { NOTIFIER_PERSISTENCE } from './notifier.module';

// `main.js migrate` applies the database migrations and exits (the migration job); otherwise the service runs.
runServiceMain('notifier', notifierEnvSchema, createNotifierApp, NOTIFIER_PERSISTENCE);
