import 'reflect-metadata';
import { runServiceMain } from '@trialmatch/platform';
import { createMatcherApp } from './bootstrap';
import { matcherEnvSchema } from './config';
import { MATCHER_PERSISTENCE } from './matcher.module';

// `main.js migrate` applies the database migrations and exits (the migration job); otherwise the service runs.
runServiceMain('matcher', matcherEnvSchema, createMatcherApp, MATCHER_PERSISTENCE);
