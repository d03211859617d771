/**
 * Small Kafka admin commands for the infrastructure scripts:
 *   ready <seconds>   wait until the broker answers an admin request (an open port is not enough)
 *   create-topics     create every topic from libs/contracts that is missing (auto-create is off)
 */
import { Kafka, logLevel } from 'kafkajs';
import { topicConfig, topicSpecs } from '@trialmatch/contracts';

const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
const kafka = new Kafka({ clientId: 'trialmatch-infra', brokers, logLevel: logLevel.NOTHING, retry: { retries: 0 } });

async function ready(seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.listTopics();
      await admin.describeCluster();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

async function createTopics(): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topicSpecs(Number(process.env.KAFKA_PARTITIONS ?? 6)).filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
          configEntries: Object.entries(topicConfig(t)).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    console.log(`[infra] topics: ${missing.length} created, ${existing.size} already there`);
  } finally {
    await admin.disconnect();
  }
}

const [command, arg] = process.argv.slice(2);
const run = command === 'ready' ? ready(Number(arg ?? 60)) : command === 'create-topics' ? createTopics() : Promise.reject(new Error(`unknown command ${command}`));
run.then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`[infra] kafka-admin ${command}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
