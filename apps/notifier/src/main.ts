import 'reflect-metadata';
import { runServiceMain } from '@trialmatch/platform';
import { createNotifierApp } from './bootstrap';
import { notifierEnvSchema } from './config';

runServiceMain('notifier', notifierEnvSchema, createNotifierApp);
