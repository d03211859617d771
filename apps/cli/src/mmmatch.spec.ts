import { SAMPLE_BUNDLE } from '../../../libs/core/src/testing/fhir-bundle';
import { CliError, run } from './mmmatch';

const files: Record<string, string> = {
  'events.json': JSON.stringify([
    { eventId: 'a', patientId: 'P1', source: 'h', type: 'medication', occurredAt: '2020-01-01', data: { drug: 'VRd', start: '2020-01-01', end: '2020-06-01' } },
    { eventId: 'b', patientId: 'P1', source: 'h', type: 'response-assessment', occurredAt: '2020-05-01', data: { category: 'PD' } },
    { eventId: 'c', patientId: 'P1', source: 'h', type: 'medication', occurredAt: '2020-07-01', data: { drug: 'Kyprolis + dex' } },
    { eventId: 'd', patientId: 'P1', source: 'h', type: 'medication', occurredAt: '2020-07-01', data: { drug: 'snake oil' } },
  ]),
  'events.ndjson': '{"eventId":"a","patientId":"P1","source":"h","type":"performance-status","occurredAt":"2020-01-01","data":{"ecog":2}}\n\n{"eventId":"b","patientId":"P2","source":"h","type":"performance-status","occurredAt":"2020-01-01","data":{"ecog":0}}\n',
  'broken.ndjson': '{"eventId":"a","patientId":"P1","source":"h","type":"performance-status","occurredAt":"2020-01-01","data":{"ecog":2}}\n{MRN-123 oops\n',
  'invalid.json': JSON.stringify([{ eventId: 'a', patientId: 'P1', source: 'h', type: 'lab', occurredAt: 'soon', data: { code: '718-7' } }]),
  'bundle.json': JSON.stringify(SAMPLE_BUNDLE),
};
const read = (f: string): string => {
  if (f.startsWith('trials/')) return trialsDir[f.slice('trials/'.length)] ?? (() => { throw Object.assign(new Error('nope'), { code: 'ENOENT' }); })();
  const text = files[f];
  if (text === undefined) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return text;
};
const TRIAL = {
  trialId: 'NCT00000001',
  version: 1,
  title: 'T',
  status: 'RECRUITING',
  criteria: [
    { id: 'inc-pi', kind: 'inclusion', text: 'Prior PI', rule: { fact: 'classExposed', class: 'PI' }, textSource: 'verbatim' },
    { id: 'inc-ecog', kind: 'inclusion', text: 'ECOG 0-1', rule: { fact: 'ecog', max: 1 }, textSource: 'verbatim' },
  ],
};
const trialsDir: Record<string, string> = {
  'a.json': JSON.stringify(TRIAL),
  'b.json': JSON.stringify({ ...TRIAL, trialId: 'NCT00000002', criteria: [{ id: 'inc-cd38', kind: 'inclusion', text: 'Prior anti-CD38', rule: { fact: 'classExposed', class: 'ANTI_CD38' }, textSource: 'verbatim' }] }),
  'bad.json': JSON.stringify({ ...TRIAL, criteria: [{ id: 'x', kind: 'inclusion', text: 't', rule: { fact: 'ecog', maxx: 1 } }] }),
};
const profile = (...args: string[]) => JSON.parse(run(['profile', ...args], read, () => null)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('mmmatch profile', () => {
  it('prints the profile of a JSON array of native events, as of a date', () => {
    const p = profile('events.json', '--as-of', '2021-01-01');
    expect(p.asOf).toBe('2021-01-01');
    expect(p.linesOfTherapy.count).toBe(2);
    expect(p.drugs.bortezomib).toMatchObject({ exposed: true, refractory: true });
    expect(p.classes.PI).toMatchObject({ exposed: true, refractory: true });
    expect(p.flags).toHaveProperty('tripleClassExposed', false);
    expect(p.unmapped).toEqual([expect.objectContaining({ original: 'snake oil' })]);
    expect(profile('events.json', '--as-of', '2020-02-01').linesOfTherapy.count).toBe(1);
  });

  it('reads NDJSON and gives one profile per patient when the file holds several', () => {
    const out = profile('events.ndjson', '--as-of', '2021-01-01');
    expect(Object.keys(out).sort()).toEqual(['P1', 'P2']);
    expect(out.P1.ecog.value).toBe(2);
  });

  it('reads a FHIR Bundle and reports the resources it could not map', () => {
    const p = profile('bundle.json', '--as-of', '2020-03-01');
    expect(p.drugs.daratumumab.exposed).toBe(true);
    expect((p.unmapped as Array<{ type: string }>).map((u) => u.type)).toEqual(expect.arrayContaining(['fhir:Encounter', 'fhir:Condition']));
  });

  it.each([
    [['profile', 'invalid.json'], /event \[0\]: \/occurredAt must match format/],
    [['profile', 'broken.ndjson'], /^line 2: not valid JSON/],
    [['profile', 'missing.json'], /cannot read missing.json: ENOENT/],
    [['profile', 'events.json', '--as-of', 'yesterday'], /unexpected argument --as-of/],
    [['lines', 'events.json'], /usage:\n {2}mmmatch profile FILE/],
  ])('rejects %j with the location and reason', (args, message) => {
    expect(() => run(args, read)).toThrow(CliError);
    expect(() => run(args, read)).toThrow(message);
  });

  it('screens a patient against a trial folder, ranked, with traces', () => {
    const list = (path: string) => (path === 'trials' ? ['a.json', 'b.json', 'README.md'] : null);
    const out = JSON.parse(run(['screen', 'events.json', '--trials', 'trials', '--as-of', '2021-01-01'], read, list)) as { results: Array<{ trialId: string; verdict: string; criteria: Array<{ trace: unknown[] }> }> };
    expect(out.results.map((r) => [r.trialId, r.verdict])).toEqual([
      ['NCT00000001', 'POTENTIALLY_ELIGIBLE'],
      ['NCT00000002', 'INELIGIBLE'],
    ]);
    expect(out.results[0]!.criteria[0]!.trace.length).toBe(1);
  });

  it('validates trial documents and reports every error with its pointer', () => {
    const files = () => null;
    expect(JSON.parse(run(['trials', 'validate', 'trials/a.json'], read, files))).toEqual([{ file: 'trials/a.json', valid: true, errors: [] }]);
    try {
      run(['trials', 'validate', 'trials/bad.json'], read, files);
      throw new Error('expected failure');
    } catch (e) {
      expect(e).toMatchObject({ exitCode: 1, message: '1 of 1 trial document(s) invalid' });
      expect((e as CliError).stdout).toContain('/criteria/0/rule');
    }
  });

  it('never quotes the offending input (it may hold identifiers)', () => {
    expect(() => run(['profile', 'broken.ndjson'], read)).toThrow(expect.objectContaining({ message: expect.not.stringContaining('MRN-123') }) as Error);
  });
});
