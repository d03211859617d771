import 'reflect-metadata';
import { loadConfig, startServiceApp } from '@trialmatch/platform';
import { createMatcherApp } from './bootstrap';
import { matcherEnvSchema } from './config';

async function main(): Promise<void> {
  const env = loadConfig(matcherEnvSchema);
  const app = await createMatcherApp(env);
  const url = await startServiceApp(app, env.HTTP_HOST, env.HTTP_PORT);
  console.log(`matcher listening on ${url} (API docs: ${url}/docs)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
