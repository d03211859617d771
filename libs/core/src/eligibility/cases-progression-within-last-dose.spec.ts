/**
 * "Documented disease progression on or within 60 days from the last dose of their last myeloma therapy" (CC-220-MM-001
 * inc-04, and the usual wording of refractory-to-last-line): `progressionAfterLastLine` with `withinDaysOfLastDose`,
 * the line's last therapy being its last dose or a later transplant or infusion of it (a salvage ASCT after its
 * conditioning).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { carT, med, response, sct } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule, type LeafTrace } from './compile';
import { compileTrial, evaluateTrial } from './trial';

const AS_OF = '2025-12-01';
const within60 = { fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 };
const run = (rule: unknown, events: Parameters<typeof buildProfile>[0]) => {
  const trace: LeafTrace[] = [];
  const outcome = compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace }).outcome;
  return { outcome, actual: trace[0]?.actual ?? null };
};
/** VRd, then Kd from 2024-06-01 to `kdEnd` with a PR, then PD on `pd`. */
const history = (kdEnd: string | null, pd: string) => [
  med('VRd', '2023-01-01', '2023-12-31'),
  response('2023-06-01', 'PR'),
  response('2024-03-01', 'PD'),
  med('Kd', '2024-06-01', kdEnd),
  response('2024-09-01', 'PR'),
  response('2024-11-01', 'PR'),
  response(pd, 'PD'),
];

describe('progression on the last line or within 60 days of its last dose', () => {
  it('on therapy, and 60 days after the last dose: met; 61 days after: not met (the plain leaf is met either way)', () => {
    expect(run(within60, history(null, '2025-03-01')).outcome).toBe('MET');
    expect(run(within60, history('2025-01-01', '2025-03-02')).outcome).toBe('MET');
    const late = run(within60, history('2025-01-01', '2025-03-03'));
    expect(late).toEqual({ outcome: 'NOT_MET', actual: 'progression 2025-03-03, 61 days after the last therapy of line 2 (2025-01-01)' });
    expect(run({ fact: 'progressionAfterLastLine' }, history('2025-01-01', '2025-03-03')).outcome).toBe('MET');
  });

  it('a salvage ASCT as the last line: the 60 days run from the transplant, not from its conditioning', () => {
    const salvage = (pd: string) => [
      ...history('2024-12-01', '2025-01-15'),
      med('melphalan', '2025-03-01', '2025-03-01', { intent: 'conditioning' }),
      sct('2025-03-03'),
      response('2025-05-01', 'PR'),
      response(pd, 'PD'),
    ];
    expect(run(within60, salvage('2025-05-02')).outcome).toBe('MET');
    expect(run(within60, salvage('2025-05-03')).outcome).toBe('NOT_MET');
  });

  it('CC-220-MM-001 inc-04: a CAR-T as the last therapy needs a documented progression, however long after', () => {
    const trial = compileTrial(JSON.parse(readFileSync(join(__dirname, '../../../../data/trials/NCT02773030.json'), 'utf8')));
    const inc04 = (events: Parameters<typeof buildProfile>[0]) => {
      const r = evaluateTrial(trial, buildProfile(events, AS_OF), AS_OF);
      return [...r.criteria, ...r.cohorts.flatMap((c) => c.criteria)].find((c) => c.criterionId === 'inc-04')?.outcome;
    };
    const carTLast = [...history('2024-12-01', '2025-01-15'), carT('2025-02-01', 'ciltacabtagene autoleucel'), response('2025-05-01', 'CR'), response('2025-06-01', 'CR')];
    expect(inc04([...carTLast, response('2025-10-01', 'PD')])).toBe('MET');
    expect(inc04(carTLast)).toBe('NOT_MET');
    expect(inc04(history('2025-01-01', '2025-03-03'))).toBe('NOT_MET');
    expect(inc04(history('2025-01-01', '2025-02-15'))).toBe('MET');
  });
});
