/**
 * Histories as feeds send them, one record per drug and per cycle: maintenance sent cycle by cycle is one course at
 * maintenance intent (its next cycle is no re-challenge), and lymphodepletion found without an intent is never
 * refractory (domain.md §3 step 5).
 */
import { carT, med, response, sct } from '../testing/events';
import { compileRule } from '../eligibility/compile';
import { buildProfile } from './profile';
import { addDays } from './settings';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const cycles = (drug: string, from: string, n: number): Ev[] => Array.from({ length: n }, (_, i) => med(drug, addDays(from, i * 28), addDays(from, i * 28 + 20)));

describe('maintenance sent cycle by cycle', () => {
  const history: Ev[] = [med('VRd', '2023-01-01', '2023-04-01'), response('2023-04-01', 'PR'), sct('2023-04-15'), ...cycles('lenalidomide', '2023-07-01', 12), response('2024-04-01', 'PD')];

  it('progression on it: refractory only at maintenance, and "refractory, maintenance aside" not met (not left open by the cycles after it)', () => {
    const p = buildProfile(history, AS_OF);
    expect(p.drugs.lenalidomide).toMatchObject({ refractory: true, refractoryOnlyAtMaintenance: true });
    expect(compileRule({ fact: 'drugRefractory', drug: 'lenalidomide', excludeMaintenanceOnly: true })({ profile: p, asOf: AS_OF, trace: null }).outcome).toBe('NOT_MET');
  });
});

describe('lymphodepletion with no intent recorded', () => {
  it('cyclophosphamide and fludarabine for 3 days right before a CAR-T, progression 25 days after the infusion: the CAR-T refractory, cyclophosphamide not', () => {
    const p = buildProfile(
      [med('VRd', '2022-01-01', '2022-06-01'), response('2022-03-01', 'PR'), med('DPd', '2023-01-01', '2024-01-01'), response('2023-12-20', 'PD'), med('cyclophosphamide', '2024-02-01', '2024-02-03'), med('fludarabine', '2024-02-01', '2024-02-03'), carT('2024-02-06', 'ciltacabtagene autoleucel'), response('2024-03-02', 'PD')],
      AS_OF,
    );
    expect(p.drugs.cyclophosphamide!.refractory).toBe(false);
    expect(p.drugs['ciltacabtagene autoleucel']!.refractory).toBe(true);
  });
});
