/**
 * stat31 (part c) — status completeness, lastLine-scoped leaves with undocumented earlier drugs, early assessments,
 * consecutive cycles with a course lacking its count, stored last dose of a drug given again. Expectations from
 * domain.md §1/§2 and the docs.
 */
import { diagnosis, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS, ProfileSettings } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const DX = diagnosis('2022-12-01', 'IgG', 'kappa');
const R = (d: string, c: string) => response(d, c);
interface Case { id: string; clause: string; summary: string; events: Ev[]; asOf?: string; settings?: ProfileSettings; read: (p: P, asOf: string) => unknown; expected: unknown }
const rule = (r: unknown) => (p: P, asOf: string) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;
const status = (p: P) => `prim=${p.flags.primaryRefractory} rr=${p.flags.relapsedAndRefractory} rel=${p.flags.relapsed}`;
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);

// ---------------------------------------------------------------- Y: a progressed, previously treated patient has a status
// domain.md §1: relapsed = previously treated MM that progresses ... but meets neither primary-refractory nor R&R
// criteria (residual); docs/clinical-core.md: "never MR with therapy given is nonresponsive, so primary refractory".
const y01 = (): Ev[] => [DX, med('VRd', '2024-01-01', '2024-06-01', { reasonStopped: 'completed' }), R('2024-09-01', 'SD'), R('2024-12-01', 'PD')];
add({ id: 'Y01', clause: '§1 primary refractory: never MR with any therapy (SD on record), PD off therapy; clinical-core "never MR with therapy given is nonresponsive"', summary: 'VRd 01-01..06-01 (no assessment on it), SD 09-01, PD 12-01', events: y01(), read: status, expected: 'prim=true rr=false rel=false' });
add({ id: 'Y02', clause: '§1 the three statuses are exhaustive for a progressed, previously treated patient (relapsed is residual)', summary: 'Y01: some status flag true', events: y01(), read: (p) => p.flags.primaryRefractory || p.flags.relapsedAndRefractory || p.flags.relapsed, expected: true });
add({ id: 'Y03', clause: '§1 as Y01, engine: "primary refractory OR relapsed" is not NOT_MET', summary: 'Y01 any(flag primaryRefractory, flag relapsed)', events: y01(), read: rule({ any: [{ fact: 'flag', name: 'primaryRefractory' }, { fact: 'flag', name: 'relapsed' }, { fact: 'flag', name: 'relapsedAndRefractory' }] }), expected: 'MET' });
const y04 = (): Ev[] => [DX, med('Rd', '2024-01-01', '2024-02-15', { reasonStopped: 'toxicity' }), R('2024-02-10', 'SD'), R('2024-06-01', 'PD')];
add({ id: 'Y04', clause: '§1 relapsed residual: short course stopped for toxicity (not judged nonresponsive), never MR, PD 107 days off therapy', summary: 'Rd 45 days toxicity, SD, PD +107', events: y04(), read: (p) => p.flags.primaryRefractory || p.flags.relapsedAndRefractory || p.flags.relapsed, expected: true });

// ---------------------------------------------------------------- X: lastLine scope and undocumented earlier drugs
// criteria-language: scope lastLine reads the last line; an earlier drug not in the last line cannot be refractory in it.
const x = (): Ev[] => [DX, med('Rd', '2022-01-01', '2022-06-01'), med('Kd', '2023-01-01', '2023-07-01'), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-12-01', 'PD')];
add({ id: 'X01', clause: 'drugRefractory scope lastLine: lenalidomide not in the last line → NOT_MET (its own L1 undocumented)', summary: 'L1 Rd (no assessment), L2 Kd PR, relapse off', events: x(), asOf: '2024-01-01', read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine' }), expected: 'NOT_MET' });
add({ id: 'X02', clause: 'classRefractory IMID scope lastLine: no IMiD in the last line → NOT_MET', summary: 'as X01: classRefractory IMID lastLine', events: x(), asOf: '2024-01-01', read: rule({ fact: 'classRefractory', class: 'IMID', scope: 'lastLine' }), expected: 'NOT_MET' });
add({ id: 'X03', clause: 'drugRefractory any scope: lenalidomide undocumented (outside summary then other therapy) → UNKNOWN', summary: 'as X01, scope any', events: x(), asOf: '2024-01-01', read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'X04', clause: 'drugRefractory lastLine: carfilzomib in last line, responded and relapsed off → NOT_MET', summary: 'as X01, carfilzomib lastLine', events: x(), asOf: '2024-01-01', read: rule({ fact: 'drugRefractory', drug: 'carfilzomib', scope: 'lastLine' }), expected: 'NOT_MET' });
add({ id: 'X05', clause: 'drugRefractory lastLine progressionOnly: lenalidomide not in the last line → NOT_MET', summary: 'as X01, lenalidomide lastLine progressionOnly', events: x(), asOf: '2024-01-01', read: rule({ fact: 'drugRefractory', drug: 'lenalidomide', scope: 'lastLine', progressionOnly: true }), expected: 'NOT_MET' });

// ---------------------------------------------------------------- Z: early assessment only; consecutive cycles with a gap in counts; stored last dose
add({ id: 'Z01', clause: 'criteria-language "Recorded" = after the first earlyProgressionDays: an SD on day 9 says nothing; 3-month course not judged → refractory UNKNOWN', summary: 'Rd 01-01..03-31 completed, only SD on 01-10', events: [DX, med('Rd', '2024-01-01', '2024-03-31', { reasonStopped: 'completed' }), R('2024-01-10', 'SD')], read: rule({ fact: 'drugRefractory', drug: 'lenalidomide' }), expected: 'UNKNOWN' });
add({ id: 'Z02', clause: 'criteria-language: a course without its cycles makes a shortfall unknown (consecutive)', summary: 'len 1 cycle + back-to-back course with no count: ≥2 consecutive', events: [DX, med('lenalidomide', '2024-01-01', '2024-01-21', { cycles: 1 }), med('lenalidomide', '2024-01-29', '2024-03-20')], read: rule({ fact: 'drugExposed', drug: 'lenalidomide', minCycles: 2, consecutive: true }), expected: 'UNKNOWN' });
add({ id: 'Z03', clause: '§2 store last dose: a drug given again and still given has no past last dose', summary: 'len 01-01..03-01, again 04-01 ongoing: lastDose, ongoing', events: [DX, med('lenalidomide', '2024-01-01', '2024-03-01'), med('lenalidomide', '2024-04-01', null)], asOf: '2024-06-01', read: (p) => `${p.drugs.lenalidomide?.ongoing} ${p.drugs.lenalidomide?.lastDose}`, expected: 'true null' });
add({ id: 'Z04', clause: 'washout on a drug still being given: "no lenalidomide in the last 14 days" NOT_MET', summary: 'as Z03, timeSince lastDose lenalidomide minDays 14', events: [DX, med('lenalidomide', '2024-01-01', '2024-03-01'), med('lenalidomide', '2024-04-01', null)], asOf: '2024-06-01', read: rule({ fact: 'timeSince', event: 'lastDose', drug: 'lenalidomide', minDays: 14 }), expected: 'NOT_MET' });
add({ id: 'Z05', clause: '§1 refractory: a drug re-challenged (new span) and progressing on it is refractory though an earlier span responded', summary: 'L1 Rd PR relapse off; L2 Rd re-treatment SD, PD on', events: [DX, med('Rd', '2022-01-01', '2022-06-01'), R('2022-03-01', 'PR'), R('2022-05-01', 'PR'), R('2022-12-01', 'PD'), med('Rd', '2022-12-10', null), R('2023-02-15', 'SD'), R('2023-04-01', 'PD')], asOf: '2023-05-01', read: (p) => `${p.drugs.lenalidomide?.refractory} ${p.drugs.lenalidomide?.refractoryInLastLine} ${status(p)}`, expected: 'true true prim=false rr=true rel=false' });
add({ id: 'Z06', clause: '§1 nonresponsive while on therapy: SD on day 9 and PD 200 days after a 3-month course, never MR → cannot be relapsed', summary: 'Rd 01-01..03-31, SD 01-10, PD 10-17', events: [DX, med('Rd', '2024-01-01', '2024-03-31', { reasonStopped: 'completed' }), R('2024-01-10', 'SD'), R('2024-10-17', 'PD')], read: (p) => p.flags.relapsed, expected: false });

describe('stat31c status completeness & scoped leaves', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const asOf = c.asOf ?? '2025-06-01';
      const p = buildProfile(c.events, asOf, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p, asOf)).toEqual(c.expected);
    });
  }
});
