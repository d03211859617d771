import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseEnvSchema, ConfigError, loadConfig } from './config';
import { databaseSsl, kafkaSecurity } from './secure-connections';

const valid = { HTTP_PORT: '8080', DATABASE_URL: 'postgres://u:secret-password@db:5432/x', KAFKA_BROKERS: 'a:9092, b:9092' };

describe('loadConfig', () => {
  it('parses and types the environment, with defaults', () => {
    const c = loadConfig(baseEnvSchema, valid);
    expect(c.HTTP_PORT).toBe(8080);
    expect(c.KAFKA_BROKERS).toEqual(['a:9092', 'b:9092']);
    expect(c.MESSAGE_MAX_ATTEMPTS).toBe(5);
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('fails fast naming every bad variable, never echoing values', () => {
    let error: unknown;
    try {
      loadConfig(baseEnvSchema, { ...valid, HTTP_PORT: 'eighty', DATABASE_URL: 'mysql://root:hunter2@db', KAFKA_BROKERS: undefined });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/HTTP_PORT/);
    expect(message).toMatch(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(message).toMatch(/KAFKA_BROKERS/);
    expect(message).not.toContain('hunter2');
    expect((error as ConfigError).problems).toHaveLength(3);
  });
});

describe('security settings', () => {
  const valid = { HTTP_PORT: '3001', DATABASE_URL: 'postgres://u@h/db', KAFKA_BROKERS: 'b:9092' };

  it('treats empty optional variables as unset and requires keys with an issuer', () => {
    expect(loadConfig(baseEnvSchema, { ...valid, AUTH_JWT_ISSUER: '', AUTH_JWKS_URL: '' }).AUTH_JWT_ISSUER).toBeUndefined();
    expect(() => loadConfig(baseEnvSchema, { ...valid, AUTH_JWT_ISSUER: 'https://idp' })).toThrow(/AUTH_JWKS_URL \/ AUTH_JWKS_FILE/);
    expect(() => loadConfig(baseEnvSchema, { ...valid, KAFKA_SASL_MECHANISM: 'plain' })).toThrow(/KAFKA_SASL_USERNAME/);
  });

  it('reads secrets from <NAME>_FILE, without overriding a value given directly, and names an unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, 'db');
    writeFileSync(file, 'postgres://from-file@h/db\n');
    expect(loadConfig(baseEnvSchema, { ...valid, DATABASE_URL: undefined, DATABASE_URL_FILE: file }).DATABASE_URL).toBe('postgres://from-file@h/db');
    expect(loadConfig(baseEnvSchema, { ...valid, DATABASE_URL_FILE: file }).DATABASE_URL).toBe('postgres://u@h/db');
    expect(() => loadConfig(baseEnvSchema, { ...valid, DATABASE_URL: undefined, DATABASE_URL_FILE: join(dir, 'missing') })).toThrow(/DATABASE_URL_FILE: cannot read/);
  });

  it('builds Kafka TLS/SASL and PostgreSQL TLS options from the environment', () => {
    const env = loadConfig(baseEnvSchema, { ...valid, KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'svc', KAFKA_SASL_PASSWORD: 'pw', DATABASE_SSL: 'require' });
    expect(kafkaSecurity(env)).toEqual({ ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'svc', password: 'pw' } });
    expect(databaseSsl(env)).toEqual({ rejectUnauthorized: false });
    expect(databaseSsl(loadConfig(baseEnvSchema, valid))).toBe(false);
  });
});
