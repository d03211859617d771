/**
 * stat37e — MAMMOTH minimum exposure with a course stopped without its end (docs v16/v17: "a minimum exposure counts
 * only its known days"). Hand-derived from domain.md §1 (MAMMOTH ≥4 weeks) and docs/clinical-core.md.
 */
import { diagnosis, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const prof = (evs: Ev[], asOf: string, s: Partial<ProfileSettings> = {}) => buildProfile(evs, asOf, { ...DEFAULT_SETTINGS, ...s });
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');
const M28 = { minExposureDaysForRefractoriness: 28 };

interface Case { id: string; clause: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, run, expected });

// single dara record stopped for progression without end; next line 3 months later: 1 known day < 28
const single = (next: boolean) => prof([DX, med('daratumumab', '2024-01-01', null, { reasonStopped: 'progression' }), med('Pd', '2024-01-01', null, { reasonStopped: 'progression' }),
  response('2024-02-15', 'SD'), ...(next ? [med('Kd', '2024-04-01', null)] : [])], '2024-05-01', M28);
add('M01', 'MAMMOTH, dara stopped for progression without end, next line: known days 1 → not refractory (documented)', () => single(true).drugs.daratumumab?.refractory, false);
add('M02', '… pomalidomide (min not applied) refractory', () => single(true).drugs.pomalidomide?.refractory, true);
add('M03', 'MAMMOTH, dara stopped for progression without end, no next line: known days 1 → not refractory', () => single(false).drugs.daratumumab?.refractory, false);
add('M04', '… the engine: not known either way? (documented: counts only known days → NOT_MET)', () => rule({ fact: 'drugRefractory', drug: 'daratumumab' }, single(false)), 'NOT_MET');
// dara ongoing (no end, no stop) 20 days, PD on day 20, asOf day 25: minimum not reached yet → not refractory
add('M05', 'MAMMOTH, ongoing dara, PD day 20, asOf day 25 (not yet given past day 28) → not refractory', () =>
  prof([DX, med('daratumumab', '2024-01-01', null), med('Pd', '2024-01-01', null), response('2024-01-20', 'PD')], '2024-01-25', M28).drugs.daratumumab?.refractory, false);

describe('stat37e MAMMOTH stop without end', () => {
  for (const c of cases) it(`${c.id} [${c.clause}]`, () => expect(c.run()).toEqual(c.expected));
});

describe('stat37e engine on a pending minimum', () => {
  const p = () => prof([DX, med('daratumumab', '2024-01-01', null), med('Pd', '2024-01-01', null), response('2024-01-20', 'PD')], '2024-01-25', M28);
  it('M06 [MAMMOTH: ongoing dara, PD day 20, asOf day 25: refractoriness not yet decided → UNKNOWN, not NOT_MET]', () =>
    expect(rule({ fact: 'drugRefractory', drug: 'daratumumab' }, p())).toBe('UNKNOWN'));
  it('M07 [… classRefractory ANTI_CD38 likewise UNKNOWN]', () =>
    expect(rule({ fact: 'classRefractory', class: 'ANTI_CD38' }, p())).toBe('UNKNOWN'));
});

describe('stat37e same records, later day', () => {
  it('M08 [MAMMOTH: same records as M06 seen on day 29 (no new record): refractory]', () =>
    expect(prof([DX, med('daratumumab', '2024-01-01', null), med('Pd', '2024-01-01', null), response('2024-01-20', 'PD')], '2024-01-29', M28).drugs.daratumumab?.refractory).toBe(true));
});
