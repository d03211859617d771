/** Random record sequences: the flip date and outcome the engine reports against day-by-day evaluation, and a trial's eligibleFrom against day-by-day screening. */
import { AS_OF, condition, profileOf, run, firstChange, plus, trialOf, compileTrial, evaluateTrial, screenTrial } from './condition-cases';

let seed = 12345;
const rnd = (): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const day = (): string => plus('2019-01-01', Math.floor(rnd() * 2340));

function randomEvents(kind: string, typed: boolean) {
  const n = 1 + Math.floor(rnd() * 4);
  const dates = Array.from({ length: n }, day).sort();
  return dates.map((d, i) => {
    const status = pick(['active', 'resolved', 'history', 'absent']);
    const data: Record<string, unknown> = { status };
    if ((status === 'resolved' || status === 'history') && rnd() < 0.4) data.resolvedDate = plus(d, -Math.floor(rnd() * 400));
    if (rnd() < 0.2) data.onsetDate = plus(d, -Math.floor(rnd() * 700));
    if (typed) {
      if (rnd() < 0.7) data.grade = pick([1, 2, 3, 4]);
      if (rnd() < 0.7) data.neuropathyType = pick(['sensory', 'motor', 'mixed']);
    }
    return condition(d, kind, data, `r${i}`);
  });
}

const RULES: Array<[string, { kind: string } & Record<string, unknown>, boolean]> = [
  ['within 3y', { fact: 'condition', kind: 'other-malignancy', withinDays: 1095 }, false],
  ['within 1y grade>=3 motor', { fact: 'condition', kind: 'peripheral-neuropathy', withinDays: 365, minGrade: 3, neuropathyType: 'motor' }, true],
];

describe('random histories: reported dates against day-by-day truth', () => {
  for (const [name, rule, typed] of RULES) {
    it(`${name}: flipsOn/flipsTo equal the first change day by day`, () => {
      const bad: string[] = [];
      for (let i = 0; i < 150; i++) {
        const events = randomEvents(rule.kind, typed);
        const p = profileOf(events);
        const r = run(rule, p);
        const truth = firstChange(rule, p, AS_OF, 2200);
        const ok = r.flipsOn === truth.on && (r.flipsOn === undefined || r.flipsTo === truth.to);
        if (!ok && bad.length < 5) bad.push(`${JSON.stringify(events.map((e) => [e.occurredAt, e.data]))} -> engine ${r.outcome} ${r.flipsOn ?? '-'} ${r.flipsTo ?? ''}; truth ${truth.on ?? '-'} ${truth.to ?? ''}`);
      }
      expect(bad).toEqual([]);
    });
    it(`${name}: an exclusion's ELIGIBLE_FROM date matches day-by-day screening`, () => {
      const trial = compileTrial(trialOf(rule));
      const bad: string[] = [];
      for (let i = 0; i < 150; i++) {
        const events = randomEvents(rule.kind, typed);
        const p = profileOf(events);
        const v = evaluateTrial(trial, p, AS_OF);
        if (v.verdict !== 'ELIGIBLE_FROM' && v.verdict !== 'INELIGIBLE') continue;
        let first: string | undefined;
        for (let d = 1; d <= 2200; d++) {
          const s = screenTrial(trial, p, plus(AS_OF, d)).verdict;
          if (s === 'ELIGIBLE' || s === 'POTENTIALLY_ELIGIBLE') { first = plus(AS_OF, d); break; }
        }
        const expected = v.verdict === 'ELIGIBLE_FROM' ? v.eligibleFrom : undefined;
        if (first !== expected && bad.length < 5) bad.push(`${JSON.stringify(events.map((e) => [e.occurredAt, e.data]))} -> ${v.verdict} ${v.eligibleFrom ?? ''}; day by day unblocked from ${first ?? 'never'}`);
      }
      expect(bad).toEqual([]);
    });
  }
});
