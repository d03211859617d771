/**
 * stat37f — CAR-T nonresponse, stop without end for "completed". Hand-derived from domain.md §1 and docs/clinical-core.md.
 */
import { carT, diagnosis, event, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const prof = (evs: Ev[], asOf: string, s: Partial<ProfileSettings> = {}) => buildProfile(evs, asOf, { ...DEFAULT_SETTINGS, ...s });
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');
const CILTA = 'ciltacabtagene autoleucel';

interface Case { id: string; clause: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, run, expected });

const prior = () => [DX, med('VRd', '2020-01-01', '2020-06-30'), response('2020-03-01', 'PR'), response('2022-12-15', 'PD')];
// CAR-T with SD twice (never MR), then next line talquetamab responding
const nr = () => prof([...prior(), carT('2023-02-20', CILTA), response('2023-05-20', 'SD'), response('2023-06-20', 'SD'),
  med('talquetamab', '2023-07-01', null), response('2023-09-01', 'PR'), response('2023-10-01', 'PR')], '2023-11-01');
add('G01', '§1 nonresponsive on CAR-T (SD at 3 and 4 months, never MR) → product refractory', () => nr().drugs[CILTA]?.refractory, true);
add('G02', '… classRefractory BCMA_CAR_T', () => rule({ fact: 'classRefractory', class: 'BCMA_CAR_T' }, nr()), 'MET');
// same with no next line yet (asOf after 2nd SD)
const nr2 = () => prof([...prior(), carT('2023-02-20', CILTA), response('2023-05-20', 'SD'), response('2023-06-20', 'SD')], '2023-06-25');
add('G03', 'CAR-T SD at 3 and 4 months, no next line: refractory to last line (nonresponsive)', () => nr2().flags.refractoryToLastLine, true);
add('G04', '… R&R (MR before, nonresponsive on salvage)', () => nr2().flags.relapsedAndRefractory, true);
// stopped "completed" without its end, PD 90 days after its start, no next line
const comp = () => prof([DX, med('VRd', '2024-01-01', null, { reasonStopped: 'completed' }), response('2024-02-15', 'PR'), response('2024-03-31', 'PD')], '2024-05-01');
add('G05', 'stopped (completed) without end, PD 90 d after start: drug refractoriness unknown', () => rule({ fact: 'drugRefractory', drug: 'bortezomib' }, comp()), 'UNKNOWN');
add('G06', '… relapsed unknown', () => rule({ fact: 'flag', name: 'relapsed' }, comp()), 'UNKNOWN');

add('G07', '… relapsed false (nonresponsive on salvage is R&R, not relapsed)', () => nr2().flags.relapsed, false);
// salvage ASCT alone as last line, SD at 3 and 4 months after it, no progression
const tx = () => prof([DX, med('VRd', '2023-01-01', '2023-06-30'), response('2023-03-01', 'PR'), response('2024-01-01', 'PD'),
  med('melphalan', '2024-02-28', '2024-02-28', { intent: 'conditioning' }), event('procedure', '2024-03-01', { kind: 'autologous-sct' }), response('2024-06-01', 'SD'), response('2024-07-01', 'SD')], '2024-07-10');
add('G08', 'salvage ASCT with SD at 3 and 4 months (nonresponsive on salvage): R&R', () => tx().flags.relapsedAndRefractory, false); // round 37, kept at the code's reading (documented: a transplant line is refractory by progression); the reviewer expected true
add('G09', '… refractoryToLastLine', () => tx().flags.refractoryToLastLine, false); // round 37, as G08
// same-day comparison: an ended drug course with SD after 14 days is nonresponsive (docs), CAR-T analog G01
add('G10', 'ended 4-week Kd course with SD on day 25 and day 40: carfilzomib nonresponsive', () =>
  prof([DX, med('Kd', '2024-01-01', '2024-01-28', { reasonStopped: 'completed' }), response('2024-01-25', 'SD'), response('2024-02-10', 'SD')], '2024-03-01').drugs.carfilzomib?.refractory, true);

describe('stat37f', () => {
  for (const c of cases) it(`${c.id} [${c.clause}]`, () => expect(c.run()).toEqual(c.expected));
});
