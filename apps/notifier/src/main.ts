import 'reflect-metadata';
import { loadConfig, startServiceApp } from '@trialmatch/platform';
import { createNotifierApp } from './bootstrap';
import { notifierEnvSchema } from './config';

async function main(): Promise<void> {
  const env = loadConfig(notifierEnvSchema);
  const app = await createNotifierApp(env);
  const url = await startServiceApp(app, env.HTTP_HOST, env.HTTP_PORT);
  console.log(`notifier listening on ${url} (API docs: ${url}/docs)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
