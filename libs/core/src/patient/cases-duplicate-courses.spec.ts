/**
 * A course recorded twice (the pharmacy's record and the chart's; a regimen and the same drugs sent one by one) is the
 * same time on the drug: its cycles count once (domain.md §2, exposure as first, last and cycles, so that thresholds
 * such as "≥ 2 consecutive cycles" hold). Courses of their own, back to back, add up.
 */
import { compileRule } from '../eligibility/compile';
import { med } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const rule = (r: unknown, p: ReturnType<typeof buildProfile>) => compileRule(r)({ profile: p, asOf: AS_OF, trace: null }).outcome;

describe('cycles of a course recorded twice count once', () => {
  it('VRd sent as the regimen and as its drugs, four cycles each: four cycles of bortezomib, one line', () => {
    const p = buildProfile([med('VRd', '2024-01-01', '2024-03-24', { cycles: 4 }), med('bortezomib', '2024-01-01', '2024-03-24', { cycles: 4 }), med('lenalidomide', '2024-01-01', '2024-03-24', { cycles: 4 })], AS_OF);
    expect(p.drugs.bortezomib?.cycles).toBe(4);
    expect(p.drugs.lenalidomide?.cycles).toBe(4);
    expect(p.drugs.bortezomib?.consecutiveCycles?.cycles).toBe(4);
    expect(p.linesOfTherapy.count).toBe(1);
  });

  it('one cycle of daratumumab sent under its brand and its name does not pass "≥ 2 consecutive cycles"', () => {
    const p = buildProfile([med('Darzalex', '2024-05-01', '2024-05-22', { cycles: 1 }), med('daratumumab', '2024-05-01', '2024-05-22', { cycles: 1 }), med('dexamethasone', '2024-05-01', '2024-05-22')], AS_OF);
    expect(p.drugs.daratumumab?.cycles).toBe(1);
    expect(rule({ fact: 'classExposed', class: 'ANTI_CD38', minCycles: 2, consecutive: true }, p)).toBe('NOT_MET');
  });

  it('a record within the dates of another keeps the larger count; one with no count takes the other’s', () => {
    const p = buildProfile([med('Kd', '2024-01-01', '2024-06-30', { cycles: 6 }), med('carfilzomib', '2024-02-01', '2024-03-01', { cycles: 2 }), med('pomalidomide', '2024-07-01', '2024-09-30'), med('Pd', '2024-07-01', '2024-09-30', { cycles: 3 })], AS_OF);
    expect(p.drugs.carfilzomib?.cycles).toBe(6);
    expect(p.drugs.pomalidomide).toMatchObject({ cycles: 3, cyclesPartial: false });
  });

  it('a count from a record shorter than the course, which has none, is a lower bound: "≥ 2 cycles" stays unknown', () => {
    const p = buildProfile([med('lenalidomide', '2024-01-01', '2024-06-30'), med('lenalidomide', '2024-02-01', '2024-02-28', { cycles: 1 })], AS_OF);
    expect(p.drugs.lenalidomide).toMatchObject({ cycles: 1, cyclesPartial: true });
    expect(rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2 }, p)).toBe('UNKNOWN');
    expect(rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 1 }, p)).toBe('MET');
  });

  it('courses of their own add up: back to back, and a later one', () => {
    const p = buildProfile([med('Rd', '2023-01-01', '2023-03-25', { cycles: 3 }), med('Rd', '2023-03-26', '2023-06-17', { cycles: 3 }), med('Rd', '2024-01-01', '2024-01-28', { cycles: 1 })], AS_OF);
    expect(p.drugs.lenalidomide?.cycles).toBe(7);
    expect(p.drugs.lenalidomide?.consecutiveCycles?.cycles).toBe(6);
  });
});
