import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessBroker } from './in-process-broker';
import type { InboundMessage } from './inbound';

describe('InProcessBroker', () => {
  it('delivers in order to every subscriber of the topic and resolves after they finish', async () => {
    const broker = new InProcessBroker();
    const seen: string[] = [];
    broker.subscribe('t', async (m) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(`a:${String(m.value)}@${m.offset}`);
    });
    broker.subscribe('t', async (m) => void seen.push(`b:${String(m.value)}`));
    broker.subscribe('other', async () => void seen.push('wrong topic'));
    await broker.publish([
      { topic: 't', key: 'k', value: 'one', headers: { h: '1' } },
      { topic: 't', key: 'k', value: Buffer.from('two'), headers: {} },
    ]);
    expect(seen).toEqual(['a:one@0', 'b:one', 'a:two@1', 'b:two']);
  });

  it('rejects when a subscriber fails, so the outbox keeps the message for another try', async () => {
    const broker = new InProcessBroker();
    broker.subscribe('t', async () => {
      throw new Error('boom');
    });
    await expect(broker.publish([{ topic: 't', key: null, value: 'x', headers: {} }])).rejects.toThrow('boom');
  });

  it('keeps a bounded window of each topic for inspection (dead-letter topics included)', async () => {
    const broker = new InProcessBroker(2);
    for (const v of ['1', '2', '3']) await broker.publish([{ topic: 't.dlq', key: null, value: v, headers: { n: v } }]);
    const kept: readonly InboundMessage[] = broker.messages('t.dlq');
    expect(kept.map((m) => String(m.value))).toEqual(['2', '3']);
    expect(kept[1]).toMatchObject({ topic: 't.dlq', partition: 0, offset: '2', headers: { n: '3' } });
    expect(broker.messages('nothing')).toEqual([]);
  });

  it('with a dead-letter file, writes each dead letter to it and reads them back after a restart (a line cut short is skipped)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dlq-')), 'dead-letters.jsonl');
    const first = new InProcessBroker(1000, file);
    await first.publish([
      { topic: 'results.dlq', key: 'pt_1', value: Buffer.from([0, 255, 10]), headers: { 'x-dlq-error': 'bad' } },
      { topic: 'results', key: 'pt_1', value: 'not a dead letter', headers: {} },
      { topic: 'results.dlq', key: null, value: null, headers: {} },
    ]);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    appendFileSync(file, '{"topic":"results.dlq","off');
    const second = new InProcessBroker(1000, file);
    expect(second.messages('results.dlq').map((m) => [m.offset, m.key, m.value === null ? null : [...m.value], m.headers])).toEqual([
      ['0', 'pt_1', [0, 255, 10], { 'x-dlq-error': 'bad' }],
      ['1', null, null, {}],
    ]);
    expect(second.messages('results')).toEqual([]);
    await second.publish([{ topic: 'results.dlq', key: 'pt_2', value: 'x', headers: {} }]);
    expect(second.messages('results.dlq').at(-1)?.offset).toBe('2');
    // The dead letter written after the cut line is read back after the next restart too.
    expect(new InProcessBroker(1000, file).messages('results.dlq').map((m) => m.key)).toEqual(['pt_1', null, 'pt_2']);
  });
});
