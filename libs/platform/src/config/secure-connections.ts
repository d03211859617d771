import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import { z } from 'zod';

/** A boolean environment variable: true, false, 1 or 0. */
export const envBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** TLS and SASL for Kafka, TLS for PostgreSQL. Secrets come from the environment or from files (`<NAME>_FILE`). */
export const connectionSecurityEnvSchema = z.object({
  KAFKA_SSL: envBool.default('false'),
  /** PEM files; CA to trust a private broker certificate, cert + key for mutual TLS. */
  KAFKA_SSL_CA_FILE: z.string().optional(),
  KAFKA_SSL_CERT_FILE: z.string().optional(),
  KAFKA_SSL_KEY_FILE: z.string().optional(),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  /** disable: plain TCP; require: TLS without checking the certificate; verify-full: TLS checked against DATABASE_SSL_CA_FILE (or the system CAs) and the host name. */
  DATABASE_SSL: z.enum(['disable', 'require', 'verify-full']).default('disable'),
  DATABASE_SSL_CA_FILE: z.string().optional(),
});
export type ConnectionSecurityEnv = z.infer<typeof connectionSecurityEnvSchema>;

/** What kafkajs clients get besides brokers and client id. */
export interface KafkaSecurity {
  ssl?: ConnectionOptions | boolean;
  sasl?: SASLOptions;
}

const pem = (file: string | undefined): string | undefined => (file ? readFileSync(file, 'utf8') : undefined);

export function kafkaSecurity(env: ConnectionSecurityEnv): KafkaSecurity {
  const out: KafkaSecurity = {};
  if (env.KAFKA_SSL) {
    out.ssl = env.KAFKA_SSL_CA_FILE || env.KAFKA_SSL_CERT_FILE ? { ca: pem(env.KAFKA_SSL_CA_FILE), cert: pem(env.KAFKA_SSL_CERT_FILE), key: pem(env.KAFKA_SSL_KEY_FILE) } : true;
  }
  if (env.KAFKA_SASL_MECHANISM) {
    out.sasl = { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME ?? '', password: env.KAFKA_SASL_PASSWORD ?? '' };
  }
  return out;
}


/** node-postgres `ssl`: false, or TLS options. */
export type DatabaseTls = false | { rejectUnauthorized: boolean; ca?: string };

export function databaseSsl(env: ConnectionSecurityEnv): DatabaseTls {
  if (env.DATABASE_SSL === 'disable') return false;
  if (env.DATABASE_SSL === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ca: pem(env.DATABASE_SSL_CA_FILE) };
}

/** Problems that zod cannot see field by field. */
export function connectionSecurityProblems(env: ConnectionSecurityEnv): string[] {
  const p: string[] = [];
  if (env.KAFKA_SASL_MECHANISM && (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)) p.push('KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD: required with KAFKA_SASL_MECHANISM');
  if (env.KAFKA_SSL_CERT_FILE && !env.KAFKA_SSL_KEY_FILE) p.push('KAFKA_SSL_KEY_FILE: required with KAFKA_SSL_CERT_FILE');
  return p;
}
