import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HEADERS } from './headers';
import { TOPICS } from './topics';

interface AsyncApi {
  asyncapi: string;
  channels: Record<string, { publish: { message: { name: string; payload: { $ref: string } } } }>;
  components: { messageTraits: { standardHeaders: { headers: { required: string[] } } } };
}

describe('AsyncAPI document (libs/contracts/asyncapi.json)', () => {
  const root = join(__dirname, '..');
  const doc = JSON.parse(readFileSync(join(root, 'asyncapi.json'), 'utf8')) as AsyncApi;

  it('describes every topic, each with the payload schema the code validates against', () => {
    expect(doc.asyncapi).toBe('2.6.0');
    expect(Object.keys(doc.channels).sort()).toEqual(Object.values(TOPICS).sort());
    for (const [topic, channel] of Object.entries(doc.channels)) {
      const file = join(root, channel.publish.message.payload.$ref);
      expect(existsSync(file)).toBe(true);
      expect((JSON.parse(readFileSync(file, 'utf8')) as { title: string }).title).toBe(topic);
    }
  });

  it('names the headers every message carries', () => {
    expect(doc.components.messageTraits.standardHeaders.headers.required.sort()).toEqual(Object.values(HEADERS).sort());
  });
});
