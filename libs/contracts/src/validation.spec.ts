import { checkMessage, assertMessage, ContractValidationError } from './validation';
import { CONSUMED_TOPICS, dlqTopic, TOPICS, topicConfig, topicSpecs } from './topics';

const event = { eventId: 'e-1', patientId: 'MRN-1', source: 'h1', type: 'lab', occurredAt: '2024-05-01', data: { code: '718-7', value: 12.1, unit: 'g/dL' } };

describe('patient-events.v1 contract', () => {
  it('accepts a well-formed event with a date or a date-time', () => {
    expect(checkMessage(TOPICS.patientEvents, event)).toEqual([]);
    expect(checkMessage(TOPICS.patientEvents, { ...event, occurredAt: '2024-05-01T10:30:00Z' })).toEqual([]);
    expect(checkMessage(TOPICS.patientEvents, { ...event, occurredAt: '2024-05-01T10:30:00.123+02:00' })).toEqual([]);
  });

  it.each([
    ['missing eventId', { ...event, eventId: undefined }, '/eventId'],
    ['unknown type', { ...event, type: 'horoscope' }, '/type'],
    ['free-text date', { ...event, occurredAt: 'last Tuesday' }, '/occurredAt'],
    ['impossible date', { ...event, occurredAt: '2024-13-45' }, '/occurredAt'],
    ['unexpected field', { ...event, mrn: 'x' }, '/mrn'],
    ['data not an object', { ...event, data: 'x' }, '/data'],
  ])('locates the problem by JSON pointer: %s', (_name, value, pointer) => {
    const violations = checkMessage(TOPICS.patientEvents, JSON.parse(JSON.stringify(value)));
    expect(violations.map((v) => v.pointer)).toContain(pointer);
  });

  it('never echoes field values (they may be identifiers) in the reasons', () => {
    const violations = checkMessage(TOPICS.patientEvents, { ...event, patientId: 12345678, occurredAt: 'MRN-SECRET' });
    expect(JSON.stringify(violations)).not.toContain('MRN-SECRET');
    expect(JSON.stringify(violations)).not.toContain('12345678');
  });
});

describe('assertMessage', () => {
  it('returns the value when valid and throws ContractValidationError listing every violation otherwise', () => {
    expect(assertMessage(TOPICS.patientEvents, event)).toBe(event);
    try {
      assertMessage(TOPICS.patientProfiles, { patientPseudonym: 'MRN-1', profileVersion: 0 });
      throw new Error('expected a ContractValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ContractValidationError);
      const pointers = (e as ContractValidationError).violations.map((v) => v.pointer);
      expect(pointers).toEqual(expect.arrayContaining(['/patientPseudonym', '/profileVersion', '/computedAt', '/profile']));
    }
  });

  it('rejects a topic it has no schema for', () => {
    expect(checkMessage('no-such-topic', {})).toEqual([{ pointer: '', message: 'no schema for topic no-such-topic' }]);
  });

  it('pins trial ids to NCT numbers and verdicts to the four known values', () => {
    const result = {
      resultId: 'r',
      patientPseudonym: 'pt_0123456789abcdef0123',
      trialId: 'NCT12345678',
      criteriaVersion: 1,
      profileVersion: 1,
      verdict: 'ELIGIBLE',
      evaluatedAt: '2024-01-01T00:00:00Z',
      criteria: [],
    };
    expect(checkMessage(TOPICS.matchResults, result)).toEqual([]);
    expect(checkMessage(TOPICS.matchResults, { ...result, trialId: 'KarMMa' }).map((v) => v.pointer)).toEqual(['/trialId']);
    expect(checkMessage(TOPICS.matchResults, { ...result, verdict: 'MAYBE' }).map((v) => v.pointer)).toEqual(['/verdict']);
  });
});

describe('topics', () => {
  it('gives every consumed topic a dead-letter topic and compacts only the trial topic', () => {
    const specs = topicSpecs(3);
    const names = specs.map((s) => s.name);
    for (const t of CONSUMED_TOPICS) expect(names).toContain(dlqTopic(t));
    expect(names).toContain(TOPICS.matchNotifications);
    expect(specs.filter((s) => s.compacted).map((s) => s.name)).toEqual([TOPICS.trialCriteria]);
    expect(specs.find((s) => s.name === TOPICS.patientProfiles)?.partitions).toBe(3);
  });

  it('keeps trial versions for ever (compacted), dead letters 30 days, the rest a week', () => {
    const config = Object.fromEntries(topicSpecs().map((s) => [s.name, topicConfig(s)]));
    expect(config[TOPICS.trialCriteria]).toEqual({ 'cleanup.policy': 'compact', 'retention.ms': '-1' });
    expect(config[dlqTopic(TOPICS.patientEvents)]).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': String(30 * 86_400_000) });
    expect(config[TOPICS.matchResults]).toEqual({ 'cleanup.policy': 'delete', 'retention.ms': String(7 * 86_400_000) });
  });
});

describe('patient-events.v1 data by type', () => {
  const base = { eventId: 'e', patientId: 'p', source: 's', occurredAt: '2024-01-01' };
  it.each([
    ['medication', { drug: 'VRd', start: '2024-01-01', intent: 'induction' }],
    ['medication', { rxnorm: '342369' }],
    ['lab', { code: '33358-3', value: 1.2, unit: 'g/dL' }],
    ['procedure', { kind: 'car-t-infusion', product: 'cilta-cel' }],
    ['performance-status', { ecog: 1 }],
    ['mrd', { method: 'NGS', sensitivity: 1e-6, result: 'negative' }],
    ['condition', { kind: 'peripheral-neuropathy', grade: 2, status: 'active' }],
  ])('accepts %s %j', (type, data) => {
    expect(checkMessage(TOPICS.patientEvents, { ...base, type, data })).toEqual([]);
  });

  it.each([
    ['medication', { start: '2024-01-01' }, '/data'],
    ['medication', { drug: 'VRd', intent: 'whenever' }, '/data/intent'],
    ['lab', { code: '718-7' }, '/data/value'],
    ['procedure', { kind: 'haircut' }, '/data/kind'],
    ['performance-status', { ecog: 7 }, '/data/ecog'],
    ['mrd', { result: 'maybe' }, '/data/result'],
    ['condition', { kind: 'peripheral-neuropathy', grade: 6 }, '/data/grade'],
  ])('rejects %s %j at %s', (type, data, pointer) => {
    expect(checkMessage(TOPICS.patientEvents, { ...base, type, data }).map((v) => v.pointer)).toContain(pointer);
  });
});

describe('trial-criteria.v1 rules', () => {
  const trial = (rule: unknown) => ({ trialId: 'NCT12345678', version: 1, status: 'RECRUITING', title: 't', criteria: [{ id: 'c1', kind: 'inclusion', text: 'x', rule }] });
  const valid = (rule: unknown) => checkMessage(TOPICS.trialCriteria, trial(rule)).length === 0;

  it('takes "consecutive" only with minCycles, as the engine does', () => {
    expect(valid({ fact: 'classExposed', class: 'PI', minCycles: 2, consecutive: true })).toBe(true);
    expect(valid({ fact: 'classExposed', class: 'PI', consecutive: true })).toBe(false);
    expect(valid({ fact: 'drugExposed', drug: 'lenalidomide', consecutive: true })).toBe(false);
  });

  it('takes MRD "sustained" or "imaging" only with a negative result, as the engine does', () => {
    expect(valid({ fact: 'mrd', result: 'negative', sustained: true, imaging: true })).toBe(true);
    expect(valid({ fact: 'mrd', result: 'positive', sustained: true })).toBe(false);
    expect(valid({ fact: 'mrd', result: 'positive', imaging: true })).toBe(false);
    expect(valid({ fact: 'mrd', result: 'positive', imaging: false })).toBe(true);
  });
});
