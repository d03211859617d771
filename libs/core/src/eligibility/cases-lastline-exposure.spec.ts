/** minDays/minCycles with scope lastLine: "the days and cycles of the last line only" (docs/criteria-language.md). */
import { profileOf, run } from './condition-cases';
import { med, response } from '../testing/events';

const L = (extra: object) => ({ fact: 'drugExposed', drug: 'lenalidomide', scope: 'lastLine', ...extra });

describe('held', () => {
  it('carried into the last line and stopped in it: days from the line start (52), cycles unknown', () => {
    const p = profileOf([med('Rd', '2024-01-01', '2025-04-30', { cycles: 16 }), response('2025-03-01', 'PD'), med('daratumumab', '2025-03-10', null)]);
    expect(run(L({ minDays: 28 }), p).outcome).toBe('MET');
    expect(run(L({ minDays: 56 }), p)).toEqual({ outcome: 'NOT_MET' });
    expect(run(L({ minCycles: 1 }), p).outcome).toBe('UNKNOWN');
  });
  it('re-challenge in line 3, ongoing since 2025-05-01 (32 days): 56 days reached on 2025-06-25; the whole exposure is met', () => {
    const p = profileOf([med('Rd', '2022-01-01', '2022-12-31', { cycles: 12 }), response('2023-01-15', 'PD'), med('Kd', '2023-02-01', '2024-12-01', { cycles: 20 }), response('2024-12-15', 'PD'), med('DRd', '2025-05-01', null, { cycles: 1 })]);
    expect(run(L({ minDays: 56 }), p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-25', flipsTo: 'MET' });
    expect(run(L({ minCycles: 2 }), p).outcome).toBe('UNKNOWN'); // 1 cycle recorded, course goes on
    expect(run({ fact: 'drugExposed', drug: 'lenalidomide', minDays: 56 }, p).outcome).toBe('MET');
  });
  it('a class of several drugs: IMID in the last line is pomalidomide only (23 days), lenalidomide from line 1 does not count', () => {
    const p = profileOf([med('Rd', '2022-01-01', '2024-12-31', { cycles: 30 }), response('2025-01-15', 'PD'), med('DPd', '2025-05-10', null, { cycles: 1 })]);
    expect(run({ fact: 'classExposed', class: 'IMID', scope: 'lastLine', minDays: 28 }, p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-06', flipsTo: 'MET' });
  });
  it('carried through two additions: days from the last line start (143)', () => {
    const p = profileOf([med('Rd', '2023-01-01', null), response('2024-01-01', 'PD'), med('daratumumab', '2024-01-10', null), response('2025-01-01', 'PD'), med('selinexor', '2025-01-10', null)]);
    expect(run(L({ minDays: 150 }), p)).toEqual({ outcome: 'NOT_MET', flipsOn: '2025-06-08', flipsTo: 'MET' });
  });
});

describe('DEFECTS', () => {
  it('a profile derived before the last line\'s share was kept: unknown (as for condition records and supportive care), not the whole exposure', () => {
    const p = profileOf([med('Rd', '2023-01-01', '2023-12-31', { cycles: 12 }), response('2024-01-15', 'PD'), med('DPd', '2024-02-01', '2024-10-01', { cycles: 8 }), response('2024-10-20', 'PD'), med('KRd', '2025-05-01', '2025-05-21', { cycles: 1 })]);
    for (const d of Object.values(p.drugs)) delete (d as { inLastLine?: unknown }).inLastLine;
    // last line: 21 days, 1 cycle. actual: MET for both (386 days, 13 cycles over all lines)
    expect(run(L({ minDays: 56 }), p).outcome).toBe('UNKNOWN');
    expect(run(L({ minCycles: 2 }), p).outcome).toBe('UNKNOWN');
  });
});

describe('a class with one drug unknown and another becoming long enough', () => {
  it('lenalidomide without cycles recorded (unknown), pomalidomide ongoing with 2 cycles: unknown now, met once pomalidomide reaches 60 days (its first day counted: 2025-07-08)', () => {
    const p = profileOf([med('lenalidomide', '2023-01-01', '2023-12-31'), response('2023-06-01', 'PR'), med('pomalidomide', '2025-05-10', null, { cycles: 2 })]);
    expect(run({ fact: 'classExposed', class: 'IMID', minDays: 60, minCycles: 1 }, p)).toEqual({ outcome: 'UNKNOWN', flipsOn: '2025-07-08', flipsTo: 'MET' });
  });
});
