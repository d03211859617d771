import 'reflect-metadata';
import { loadConfig } from '@trialmatch/platform';
import { startEmbedded } from './bootstrap';
import { DEMO_USERS } from './demo-identity';
import { embeddedEnvSchema } from './config';

async function main(): Promise<void> {
  const env = loadConfig(embeddedEnvSchema);
  const system = await startEmbedded(env);
  process.stdout.write(
    `\nRRMM trial matching (embedded mode) is running.\n` +
      `  Web app: ${system.url}/\n` +
      `  API:     ${system.url}/v1   (docs: ${system.url}/docs)\n` +
      `  Health:  ${system.url}/health/ready\n` +
      `  Sign in: POST ${system.url}/v1/auth/demo-login {"username": "coordinator", "password": "demo"}\n` +
      `           (demo users: ${Object.keys(DEMO_USERS).join(', ')}; docs/security.md)\n` +
      `  Data:    ${env.DATA_DIR}\n` +
      `Press Ctrl+C to stop.\n\n`,
  );
  const stop = (): void => {
    system.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
