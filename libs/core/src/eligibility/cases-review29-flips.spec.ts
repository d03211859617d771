/** rev29: priorLines dates under all/any/not: the outcome the date announces is the outcome of the next day. */
import { med } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const D = '2025-01-15';
const NEXT = '2025-01-16';
const histories: Record<string, Ev[]> = {
  lineToday: [med('VRd', '2020-01-01', '2020-06-30'), med('DKd', '2022-01-01', '2023-06-30'), med('Pd', D, null)],
  unreadToday: [med('VRd', '2020-01-01', '2020-06-30'), med('DKd', '2022-01-01', '2023-06-30'), med('investigational BCMA bispecific (blinded)', D, null)],
  both: [med('VRd', '2020-01-01', '2020-06-30'), med('DKd', '2022-01-01', '2023-06-30'), med('investigational BCMA bispecific (blinded)', '2024-01-01', '2024-06-30'), med('Pd', D, null)],
  unreadBeforeLineToday: [med('VRd', '2020-01-01', '2020-06-30'), med('investigational BCMA bispecific (blinded)', '2024-01-01', '2024-06-30'), med('Pd', D, null)],
};
const leaves = [{ fact: 'priorLines', min: 2 }, { fact: 'priorLines', min: 3 }, { fact: 'priorLines', max: 2 }, { fact: 'priorLines', max: 3 }, { fact: 'priorLines', min: 3, max: 3 }];
const rules: unknown[] = [];
for (const a of leaves) {
  rules.push(a, { not: a });
  for (const b of leaves) if (a !== b) rules.push({ all: [a, b] }, { any: [a, { not: b }] }, { all: [a, { not: b }] });
}

describe('rev29 priorLines dates: announced flip equals the next day', () => {
  for (const [name, events] of Object.entries(histories)) {
    it(name, () => {
      const p = buildProfile(events, D);
      const bad: string[] = [];
      for (const r of rules) {
        const today = compileRule(r)({ profile: p, asOf: D, trace: null });
        const tomorrow = compileRule(r)({ profile: p, asOf: NEXT, trace: null });
        const announced = today.flipsOn === NEXT ? today.flipsTo : today.outcome;
        if (announced !== tomorrow.outcome) bad.push(`${JSON.stringify(r)}: today ${JSON.stringify(today)}, next day ${tomorrow.outcome}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
