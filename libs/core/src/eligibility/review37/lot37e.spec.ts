/**
 * lot37e — priorLines leaf with unread investigational medications (criteria-language.md priorLines row, v15):
 * window boundaries. Scratch; not committed.
 */
import { med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2026-01-01';
const add = (d: string, n: number) => { const t = new Date(`${d}T00:00:00Z`); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10); };
const THREE = [med('Rd', '2023-01-01', '2023-12-31'), med('KPd', '2024-03-01', '2024-12-31'), med('DVd', '2025-03-01', null)];
const X = (d: string) => med('investigational BCMA bispecific (blinded)', d, add(d, 10));
const cases: Array<{ id: string; clause: string; events: Ev[]; rule: unknown; asOf: string; expected: string }> = [
  { id: 'E01', clause: 'unread med exactly 28 d after a line start is within the window → not a line', events: [...THREE, X(add('2025-03-01', 28))], rule: { fact: 'priorLines', min: 4 }, asOf: AS_OF, expected: 'NOT_MET' },
  { id: 'E02', clause: 'unread med 29 d after a line start may be a line → unknown', events: [...THREE, X(add('2025-03-01', 29))], rule: { fact: 'priorLines', min: 4 }, asOf: AS_OF, expected: 'UNKNOWN' },
  { id: 'E03', clause: 'unread med begun on the screening date is not before it → decided', events: [...THREE, X('2025-10-01')], rule: { fact: 'priorLines', min: 4 }, asOf: '2025-10-01', expected: 'NOT_MET' },
  { id: 'E04', clause: 'two unread meds 20 d apart = at most one line: min 5 decided', events: [...THREE, X('2025-06-01'), X('2025-06-21')], rule: { fact: 'priorLines', min: 5 }, asOf: AS_OF, expected: 'NOT_MET' },
  { id: 'E05', clause: 'two unread meds 20 d apart: min 4 unknown', events: [...THREE, X('2025-06-01'), X('2025-06-21')], rule: { fact: 'priorLines', min: 4 }, asOf: AS_OF, expected: 'UNKNOWN' },
  { id: 'E06', clause: 'unread med 29 d BEFORE a line start (not within 28 d of a line start) → unknown for min 4', events: [...THREE, X(add('2025-03-01', -29))], rule: { fact: 'priorLines', min: 4 }, asOf: AS_OF, expected: 'UNKNOWN' },
  { id: 'E07', clause: 'unread med could be a line: max 3 (3 known) → unknown', events: [...THREE, X('2025-06-01')], rule: { fact: 'priorLines', max: 3 }, asOf: AS_OF, expected: 'UNKNOWN' },
];
describe('lot37e priorLines with unread medications', () => {
  for (const c of cases) it(`${c.id} ${c.clause}`, () => {
    const p = buildProfile(c.events, c.asOf);
    expect(compileRule(c.rule)({ profile: p, asOf: c.asOf, trace: null }).outcome).toBe(c.expected);
  });
});
