import 'reflect-metadata';
import { loadConfig, startServiceApp } from '@trialmatch/platform';
import { createIntakeApp } from './bootstrap';
import { intakeEnvSchema } from './config';

async function main(): Promise<void> {
  const env = loadConfig(intakeEnvSchema);
  const app = await createIntakeApp(env);
  const url = await startServiceApp(app, env.HTTP_HOST, env.HTTP_PORT);
  console.log(`intake listening on ${url} (API docs: ${url}/docs)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
