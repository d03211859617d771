/**
 * prog37 — hand-derived IMWG 2016 progression / relapse cases (domain.md §1, §4; docs/clinical-core.md settings and
 * "Disease", "Relapse indicators"; docs/criteria-language.md leaves). Expectations written from the definitions before
 * reading the implementation. Scratch review file; not committed.
 */
import { carT, diagnosis, lab, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
type Settings = Parameters<typeof buildProfile>[2];
const AS_OF = '2025-12-31';


const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');

/** The standard assessment days: baseline then monthly. */

const bio = (p: P) => p.disease.progressions.filter((x) => x.source !== 'reported').map((x) => `${x.source}@${x.date}`).join(',') || 'none';
const rule = (r: unknown, asOf = AS_OF) => (p: P) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Settings }
const base = [diagnosis('2024-05-01', 'IgG', 'kappa'), med('Rd', '2024-06-01', '2025-01-15'), S('2024-05-20', 3.0), U('2024-05-20', 50), S('2024-08-01', 1.0), U('2024-08-01', 50), S('2024-09-01', 1.0), U('2024-09-01', 50),
  med('Kd', '2025-02-01', '2025-02-20', { intent: 'bridging' }), carT('2025-03-01', 'ciltacabtagene autoleucel')];

const cases: Case[] = [
  { id: 'T01', clause: 'criteria-language progressionAfterLastLine: after a CAR-T infusion, however soon, it is the product\'s', summary: 'CAR-T 03-01; PD reported 03-05', events: [...base, response('2025-03-05', 'PD')], asOf: '2025-04-01', read: rule({ fact: 'progressionAfterLastLine' }, '2025-04-01'), expected: 'MET' },
  { id: 'T02', clause: 'doc: CAR-T refractory when progressed within refractoryWindowDays of the infusion (progressionOnly)', summary: 'as T01', events: [...base, response('2025-03-05', 'PD')], asOf: '2025-04-01', read: rule({ fact: 'classRefractory', class: 'BCMA_CAR_T', progressionOnly: true }, '2025-04-01'), expected: 'MET' },
  { id: 'T03', clause: 'doc: progressionLine is the CAR-T line for a PD after its infusion', summary: 'as T01', events: [...base, response('2025-03-05', 'PD')], asOf: '2025-04-01', read: (p) => `${p.disease.progressionLine}/${p.linesOfTherapy.count}`, expected: '2/2' },
  { id: 'T04', clause: '§4 PD after CAR-T dated at the first of two; CAR-T refractory within 60 d of infusion', summary: 'CAR-T 03-01; serum 1.0 (03-01) → 1.6 04-29, 1.6 05-20', events: [...base, S('2025-03-01', 1.0), U('2025-03-01', 50), S('2025-04-29', 1.6), S('2025-05-20', 1.6), U('2025-04-29', 50), U('2025-05-20', 50)], asOf: '2025-06-01', read: (p) => `${bio(p)}|${rule({ fact: 'classRefractory', class: 'BCMA_CAR_T', progressionOnly: true }, '2025-06-01')(p)}`, expected: 'serum-m-protein@2025-04-29|MET' },
];

describe('prog37f CAR-T progression', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
