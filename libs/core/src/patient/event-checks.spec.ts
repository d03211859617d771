import { eventProblems } from './event-checks';

const NOW = new Date('2025-06-01T12:00:00Z');

describe('event checks beyond the schema', () => {
  it('accepts a plausible event', () => {
    expect(eventProblems({ type: 'medication', occurredAt: '2025-01-01', data: { drug: 'DRd', start: '2025-01-01', end: '2025-05-01' } }, NOW)).toEqual([]);
    expect(eventProblems({ type: 'lab', occurredAt: '2025-05-01', data: { code: '718-7', value: 100, unit: 'g/L' } }, NOW)).toEqual([]);
  });

  it('rejects a therapy that ends before it starts, with the pointer', () => {
    expect(eventProblems({ type: 'medication', occurredAt: '2025-01-01', data: { drug: 'DRd', start: '2025-01-01', end: '2024-12-01' } }, NOW)).toEqual([{ pointer: '/data/end', message: 'is before /data/start' }]);
  });

  it('rejects a birth date after today or more than 130 years back, without echoing it', () => {
    const born = (birthDate: string) => eventProblems({ type: 'demographics', occurredAt: '2025-01-01', data: { birthDate, sex: 'female' } }, NOW);
    expect(born('2058-04-02')).toEqual([{ pointer: '/data/birthDate', message: 'is after today or more than 130 years ago' }]);
    expect(born('1890-01-01')).toHaveLength(1);
    expect(born('1958-04-02')).toEqual([]);
    expect(JSON.stringify(born('2058-04-02'))).not.toContain('2058');
  });

  it('rejects a fact dated after tomorrow', () => {
    expect(eventProblems({ type: 'performance-status', occurredAt: '2025-06-02T23:00:00Z', data: { ecog: 1 } }, NOW)).toEqual([]);
    expect(eventProblems({ type: 'performance-status', occurredAt: '2025-06-10', data: { ecog: 1 } }, NOW)).toEqual([{ pointer: '/occurredAt', message: 'is in the future' }]);
  });

  it('rejects a lab unit that cannot be converted, without echoing the value', () => {
    const p = eventProblems({ type: 'lab', occurredAt: '2025-05-01', data: { code: '718-7', value: 123.45, unit: 'furlongs' } }, NOW);
    expect(p).toEqual([{ pointer: '/data/unit', message: 'cannot be converted to g/dL for hemoglobin' }]);
    expect(JSON.stringify(p)).not.toContain('123.45');
    expect(eventProblems({ type: 'lab', occurredAt: '2025-05-01', data: { name: 'hemoglobin', value: 9 } }, NOW)[0]?.pointer).toBe('/data/unit');
  });

  it('leaves labs it does not know to the clinical core (reported as unmapped there)', () => {
    expect(eventProblems({ type: 'lab', occurredAt: '2025-05-01', data: { code: '99999-9', value: 1, unit: 'furlongs' } }, NOW)).toEqual([]);
  });
});
