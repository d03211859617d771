import 'reflect-metadata';
import { runServiceMain } from '@trialmatch/platform';
import { createMatcherApp } from './bootstrap';
import { matcherEnvSchema } from './config';

runServiceMain('matcher', matcherEnvSchema, createMatcherApp);
