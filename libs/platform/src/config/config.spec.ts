import { baseEnvSchema, ConfigError, loadConfig } from './config';

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
