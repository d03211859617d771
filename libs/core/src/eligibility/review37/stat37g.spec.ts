/**
 * stat37g — what counts as "last therapy" for the 60-day window (mobilization), penta known-not, maintenance intent outside ASCT.
 * Hand-derived from domain.md §1–§3 and docs/clinical-core.md.
 */
import { diagnosis, event, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const prof = (evs: Ev[], asOf: string, s: Partial<ProfileSettings> = {}) => buildProfile(evs, asOf, { ...DEFAULT_SETTINGS, ...s });
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');

interface Case { id: string; clause: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, run, expected });

// mobilization cyclophosphamide is no therapy line and never refractory; PD 74 d after VRd, 54 d after Cy
const mob = () => prof([DX, med('VRd', '2023-09-01', '2024-01-31'), response('2023-11-01', 'PR'), response('2024-01-15', 'VGPR'),
  med('cyclophosphamide', '2024-02-20', '2024-02-21', { intent: 'mobilization' }), event('procedure', '2024-02-28', { kind: 'apheresis' }), response('2024-04-15', 'PD')], '2024-05-01');
add('H01', 'mobilization Cy is no therapy for the 60-day window: PD 74 d after VRd → relapsed', () => mob().flags.relapsed, true);
add('H02', '… cyclophosphamide not refractory', () => mob().drugs.cyclophosphamide?.refractory ?? false, false);
// penta known-not: carfilzomib responded, relapse 6 months off it, then other refractoriness
const pk = () => prof([DX, med('VRd', '2021-01-01', '2021-06-30'), response('2021-03-01', 'PR'), response('2021-06-15', 'PD'),
  med('KPd', '2021-07-01', '2022-01-01', { reasonStopped: 'completed' }), response('2021-09-01', 'VGPR'), response('2021-12-01', 'VGPR'), response('2022-07-01', 'PD'),
  med('DPd', '2022-07-10', null), response('2022-09-01', 'SD'), response('2022-10-01', 'PD')], '2022-11-01');
add('H03', 'carfilzomib known not refractory → penta NOT_MET', () => rule({ fact: 'flag', name: 'pentaRefractory' }, pk()), 'NOT_MET');
add('H04', '… pomalidomide refractory (PD on DPd)', () => pk().drugs.pomalidomide?.refractory, true);
add('H05', '… TCR met', () => rule({ fact: 'flag', name: 'tripleClassRefractory' }, pk()), 'MET');
add('H06', '… penta-exposed', () => pk().flags.pentaExposed, true);
add('H07', '… R&R', () => pk().flags.relapsedAndRefractory, true);
// maintenance intent after salvage (no ASCT): dara maintenance, PD on it
const dm = () => prof([DX, med('VRd', '2021-01-01', '2021-06-30'), response('2021-03-01', 'PR'), response('2022-01-01', 'PD'),
  med('DPd', '2022-01-10', '2022-07-10'), response('2022-03-01', 'VGPR'), med('daratumumab', '2022-07-11', null, { intent: 'maintenance' }), response('2022-10-01', 'VGPR'), response('2023-03-01', 'PD')], '2023-04-01');
add('H08', 'dara PD on maintenance after full-dose DPd with VGPR: refractory, not only at maintenance? (only the maintenance finding)', () => dm().drugs.daratumumab?.refractoryOnlyAtMaintenance, true);
add('H09', '… pomalidomide refractory? last dose 07-10, PD 234 d later → no', () => dm().drugs.pomalidomide?.refractory, false);

describe('stat37g', () => {
  for (const c of cases) it(`${c.id} [${c.clause}]`, () => expect(c.run()).toEqual(c.expected));
});
