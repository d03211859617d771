/**
 * rev31: intake's plausibility checks (event-checks.ts) refuse lab events the contract allows and the clinical core
 * reads: a qualitative lab (immunofixation, marrow clonality) that carries its `result` and a numeric `value` without a
 * convertible unit, and an FLC ratio given without a unit (clinical-events.ts reads it in its unit '1'). Both intake
 * paths (REST problemsOf, Kafka consumer) reject the whole event. The contract (patient-events v1 lab) requires only
 * code|name and value|result; `unit` is optional.
 */
import { lab } from '../testing/events';
import { eventProblems } from './event-checks';
import { buildProfile } from './profile';

const NOW = new Date('2025-06-01T12:00:00Z');

describe('rev31 event-checks: events the core reads are not refused', () => {
  it('a serum immunofixation with result negative and value 0 (unit empty or absent) is plausible; the profile reads it', () => {
    const withEmpty = { type: 'lab', occurredAt: '2025-05-01', data: { name: 'serum immunofixation', value: 0, unit: '', result: 'negative' } };
    const withoutUnit = { type: 'lab', occurredAt: '2025-05-01', data: { name: 'serum immunofixation', value: 1, result: 'positive' } };
    const p = buildProfile([lab('2025-05-01', 'serum immunofixation', 0, '', { result: 'negative' })], '2025-06-01');
    expect(p.labs.serumImmunofixation).toMatchObject({ value: 0 });
    expect(eventProblems(withEmpty, NOW)).toEqual([]);
    expect(eventProblems(withoutUnit, NOW)).toEqual([]);
  });

  it('an FLC ratio without a unit is plausible: the profile reads it as a ratio', () => {
    const ev = { type: 'lab', occurredAt: '2025-05-01', data: { name: 'flc ratio', value: 3.2 } };
    const p = buildProfile([{ eventId: 'r1', ...ev }], '2025-06-01');
    expect(p.labs.flcRatio).toMatchObject({ value: 3.2 });
    expect(eventProblems(ev, NOW)).toEqual([]);
  });
});
