/**
 * Progressions documented in the first days of a salvage, drugs carried across lines, CAR-T, and when the latest
 * progression began: hand-derived from domain.md §1 (IMWG 2011 refractory, relapsed-and-refractory, relapsed) and
 * §4 (IMWG 2016 progression) with the project's earlyProgressionDays (14) and refractory window (60 days), by a
 * review of the commits that made such a progression the failure of the therapy before the line it prompted.
 * `drugs`: refractory per generic; `flags`; `pd`: progressionDate; `last`: lastProgressionDate; and the
 * progressionAfterLastLine rule.
 */
import { compileRule } from '../eligibility/compile';
import { buildProfile } from './profile';
import { carT, lab, med, response, sct } from '../testing/events';

type Ev = ReturnType<typeof med>;
interface Case {
  id: string;
  desc: string;
  events: Ev[];
  drugs?: Record<string, boolean>;
  flags?: Partial<Record<'primaryRefractory' | 'relapsedAndRefractory' | 'relapsed' | 'refractoryToLastLine', boolean>>;
  pd?: string | null;
  last?: string | null;
}
const serum = (d: string, v: number) => lab(d, 'm-protein', v, 'g/dL');
const B = 'bortezomib', L = 'lenalidomide', K = 'carfilzomib', P = 'pomalidomide', D = 'dexamethasone', DARA = 'daratumumab', CILTA = 'ciltacabtagene autoleucel';
const F = (pr: boolean, rr: boolean, rel: boolean, rtll?: boolean) => ({ primaryRefractory: pr, relapsedAndRefractory: rr, relapsed: rel, ...(rtll === undefined ? {} : { refractoryToLastLine: rtll }) });

const CASES: Case[] = [
  { id: 'C01', desc: 'off-therapy relapse (VRd stopped 8 mo), KPd started, PD documented day 5',
    events: [med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-01', 'PD')],
    drugs: { [B]: false, [L]: false, [K]: false, [P]: false, [D]: false }, flags: F(false, false, true, false), pd: '2024-03-01' },
  { id: 'C02', desc: 'same, PD on day 14 of KPd',
    events: [med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-10', 'PD')],
    drugs: { [B]: false, [L]: false, [K]: false, [P]: false, [D]: false }, flags: F(false, false, true, false), pd: '2024-03-10' },
  { id: 'C03', desc: 'same, PD on day 15 of KPd: progression on KPd',
    events: [med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-11', 'PD')],
    drugs: { [B]: false, [L]: false, [K]: true, [P]: true, [D]: true }, flags: F(false, true, false, true), pd: '2024-03-11' },
  { id: 'C04', desc: 'VRd stopped 26 d before PD, KPd started, PD day 5: VRd refractory; IMWG RR (PD within 60 d of last therapy after MR)',
    events: [med('VRd', '2023-01-10', '2024-02-04'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-25', null), response('2024-03-01', 'PD')],
    drugs: { [B]: true, [L]: true, [D]: true, [K]: false, [P]: false }, flags: F(false, true, false), pd: '2024-03-01' },
  { id: 'C05', desc: 'VRd last dose exactly 60 d before PD (day 10 of KPd)',
    events: [med('VRd', '2023-01-10', '2024-01-01'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-20', null), response('2024-03-01', 'PD')],
    drugs: { [B]: true, [L]: true, [K]: false, [P]: false }, flags: F(false, true, false), pd: '2024-03-01' },
  { id: 'C06', desc: 'VRd last dose 61 d before PD (day 10 of KPd): relapsed',
    events: [med('VRd', '2023-01-10', '2023-12-31'), response('2023-04-01', 'VGPR'), med('KPd', '2024-02-20', null), response('2024-03-01', 'PD')],
    drugs: { [B]: false, [L]: false, [K]: false, [P]: false, [D]: false }, flags: F(false, false, true, false), pd: '2024-03-01' },
  { id: 'C07', desc: 'Rd running (one record), dara added 2023-06-01, PD day 4: len/dex refractory (on them), dara not; RR',
    events: [med('Rd', '2022-01-10', null), response('2022-06-01', 'PR'), med('daratumumab', '2023-06-01', null), response('2023-06-05', 'PD')],
    drugs: { [L]: true, [D]: true, [DARA]: false }, flags: F(false, true, false), pd: '2023-06-05' },
  { id: 'C08', desc: 'same, PD day 15 of D-Rd: dara refractory too',
    events: [med('Rd', '2022-01-10', null), response('2022-06-01', 'PR'), med('daratumumab', '2023-06-01', null), response('2023-06-16', 'PD')],
    drugs: { [L]: true, [D]: true, [DARA]: true }, flags: F(false, true, false, true), pd: '2023-06-16' },
  { id: 'C09', desc: 'Rd record ends, DRd record starts next day, PD day 4',
    events: [med('Rd', '2022-01-10', '2023-05-31'), response('2022-06-01', 'PR'), med('DRd', '2023-06-01', null), response('2023-06-05', 'PD')],
    drugs: { [L]: true, [D]: true, [DARA]: false }, flags: F(false, true, false), pd: '2023-06-05' },
  { id: 'C10', desc: 'Rd stopped the day Kd (dex carried) started, PD day 7',
    events: [med('Rd', '2022-01-10', '2023-06-01'), response('2022-06-01', 'PR'), med('Kd', '2023-06-01', null), response('2023-06-08', 'PD')],
    drugs: { [L]: true, [D]: true, [K]: false }, flags: F(false, true, false), pd: '2023-06-08' },
  { id: 'C11', desc: 'VRd-ASCT-R maintenance stopped 49 d before PD, DPd started 5 d before PD',
    events: [med('VRd', '2022-01-10', '2022-05-01'), response('2022-05-01', 'VGPR'), sct('2022-06-01'), med('lenalidomide', '2022-08-01', '2023-09-01', { intent: 'maintenance' }), med('DPd', '2023-10-15', null), response('2023-10-20', 'PD')],
    drugs: { [L]: true, [B]: false, [DARA]: false, [P]: false }, flags: F(false, true, false), pd: '2023-10-20' },
  { id: 'C12', desc: 'R maintenance stopped 141 d before PD, DPd started 5 d before PD: relapsed',
    events: [med('VRd', '2022-01-10', '2022-05-01'), response('2022-05-01', 'VGPR'), sct('2022-06-01'), med('lenalidomide', '2022-08-01', '2023-06-01', { intent: 'maintenance' }), med('DPd', '2023-10-15', null), response('2023-10-20', 'PD')],
    drugs: { [L]: false, [B]: false, [DARA]: false, [P]: false }, flags: F(false, false, true, false), pd: '2023-10-20' },
  { id: 'C13', desc: 'CAR-T without response, Kd 4 mo later, PD day 5: CAR-T refractory; never MR on salvage CAR-T -> RR',
    events: [med('VRd', '2019-01-10', '2019-07-01'), response('2019-04-01', 'VGPR'), response('2021-03-01', 'PD'), carT('2021-06-01', 'cilta-cel'), med('Kd', '2021-10-01', null), response('2021-10-06', 'PD')],
    drugs: { [CILTA]: true, [K]: false, [B]: false }, flags: F(false, true, false), pd: '2021-10-06' },
  { id: 'C14', desc: 'CAR-T with VGPR, Kd, PD day 5: nothing refractory, relapsed',
    events: [med('VRd', '2019-01-10', '2019-07-01'), response('2019-04-01', 'VGPR'), response('2021-03-01', 'PD'), carT('2021-06-01', 'cilta-cel'), response('2021-09-01', 'VGPR'), med('Kd', '2022-01-01', null), response('2022-01-06', 'PD')],
    drugs: { [CILTA]: false, [K]: false }, flags: F(false, false, true, false), pd: '2022-01-06' },
  { id: 'C15', desc: 'CAR-T no response, Kd, PD exactly day 14',
    events: [med('VRd', '2019-01-10', '2019-07-01'), response('2019-04-01', 'VGPR'), response('2021-03-01', 'PD'), carT('2021-06-01', 'cilta-cel'), med('Kd', '2021-10-01', null), response('2021-10-15', 'PD')],
    drugs: { [CILTA]: true, [K]: false }, flags: F(false, true, false), pd: '2021-10-15' },
  { id: 'C16', desc: 'CAR-T no response, Kd, PD day 15: Kd refractory, CAR-T not',
    events: [med('VRd', '2019-01-10', '2019-07-01'), response('2019-04-01', 'VGPR'), response('2021-03-01', 'PD'), carT('2021-06-01', 'cilta-cel'), med('Kd', '2021-10-01', null), response('2021-10-16', 'PD')],
    drugs: { [CILTA]: false, [K]: true }, flags: F(false, true, false, true), pd: '2021-10-16' },
  { id: 'C17', desc: 'PD on Rd, KPd, SD, PD on KPd: two progressions separated by a line',
    events: [med('Rd', '2022-01-10', '2022-07-01'), response('2022-04-01', 'PR'), response('2022-06-20', 'PD'), med('KPd', '2022-07-15', null), response('2022-10-01', 'SD'), response('2023-02-01', 'PD')],
    drugs: { [L]: true, [K]: true, [P]: true }, flags: F(false, true, false, true), pd: '2023-02-01', last: '2023-02-01' },
  { id: 'C18', desc: 'PD, PR reported, PD on the same Rd: separated by a reported response',
    events: [med('Rd', '2022-01-10', null), response('2021-12-20', 'SD'), response('2022-06-01', 'PD'), response('2022-09-01', 'PR'), response('2023-03-01', 'PD')],
    drugs: { [L]: true }, flags: F(false, true, false, true), pd: '2023-03-01', last: '2023-03-01' },
  { id: 'C19', desc: 'PD, SD reported, PD on the same Rd: one progression',
    events: [med('Rd', '2022-01-10', null), response('2022-03-01', 'PR'), response('2022-06-01', 'PD'), response('2022-09-01', 'SD'), response('2023-03-01', 'PD')],
    drugs: { [L]: true }, flags: F(false, true, false, true), pd: '2022-06-01', last: '2023-03-01' },
  { id: 'C20', desc: 'PD on Rd, then a lab-confirmed fall to a new nadir (computed response, none reported), then a new confirmed rise',
    events: [med('Rd', '2022-01-10', null), serum('2022-01-05', 3), serum('2022-04-01', 1), serum('2022-05-01', 1), serum('2022-07-01', 1.6), serum('2022-08-01', 1.7), serum('2022-10-01', 0.4), serum('2022-11-01', 0.4), serum('2023-02-01', 1.0), serum('2023-03-01', 1.1)],
    drugs: { [L]: true }, pd: '2023-02-01' },
  { id: 'C21', desc: 'same-day: KPd started and PD reported the same day, VRd stopped 8 mo before',
    events: [med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), med('KPd', '2024-03-01', null), response('2024-03-01', 'PD')],
    drugs: { [B]: false, [K]: false, [P]: false }, flags: F(false, false, true, false), pd: '2024-03-01' },
  { id: 'C22', desc: 'same-day: Rd last dose, PD and Kd start all 2023-06-01',
    events: [med('Rd', '2022-01-10', '2023-06-01'), response('2022-06-01', 'PR'), response('2023-06-01', 'PD'), med('Kd', '2023-06-01', null)],
    drugs: { [L]: true, [D]: true, [K]: false }, flags: F(false, true, false), pd: '2023-06-01' },
  { id: 'C23', desc: 'reported PD before the biochemical one on VRd',
    events: [med('VRd', '2023-01-10', null), serum('2023-01-05', 3), serum('2023-04-01', 1), serum('2023-05-01', 1), response('2023-05-01', 'PR'), response('2023-07-01', 'PD'), serum('2023-08-01', 1.6), serum('2023-09-01', 1.7)],
    drugs: { [B]: true, [L]: true }, flags: F(false, true, false, true), pd: '2023-07-01', last: '2023-08-01' },
  { id: 'C24', desc: 'progression with no lines at all',
    events: [serum('2020-01-01', 1), serum('2020-02-01', 1), serum('2020-03-01', 1.6), serum('2020-04-01', 1.7), response('2020-05-01', 'PD')],
    flags: F(false, false, false, false), pd: '2020-03-01', last: '2020-05-01' },
  { id: 'C25', desc: 'watch-and-wait after an off-therapy relapse, PD reported again 6 mo later',
    events: [med('VRd', '2022-01-10', '2022-07-01'), response('2022-04-01', 'VGPR'), response('2023-03-01', 'PD'), response('2023-09-01', 'PD')],
    drugs: { [B]: false, [L]: false }, flags: F(false, false, true, false), pd: '2023-03-01', last: '2023-09-01' },
  { id: 'C26', desc: 'confirmed rise 31 d after the last VRd dose, PD reported 4 mo after it',
    events: [med('VRd', '2023-01-10', '2023-07-01'), serum('2023-01-05', 3), serum('2023-04-01', 1), serum('2023-05-01', 1), serum('2023-08-01', 1.6), serum('2023-09-01', 1.7), response('2023-11-01', 'PD')],
    drugs: { [B]: true, [L]: true }, flags: F(false, true, false, true), pd: '2023-08-01', last: '2023-11-01' },
  { id: 'C27', desc: 'Rd stopped for toxicity, confirmed rise 45 d later, KPd 6 wk later, PD reported day 4 of KPd',
    events: [med('Rd', '2022-01-10', '2023-01-01', { reasonStopped: 'toxicity' }), serum('2022-01-05', 3), serum('2022-04-01', 1), serum('2022-05-01', 1), response('2022-05-01', 'PR'), serum('2023-02-15', 1.6), serum('2023-03-01', 1.7), med('KPd', '2023-04-01', null), response('2023-04-05', 'PD')],
    drugs: { [L]: true, [D]: true, [K]: false, [P]: false }, flags: F(false, true, false), pd: '2023-02-15', last: '2023-04-05' },
  { id: 'C28', desc: 'PD reported day 5 of the FIRST line (the disease that prompted it), later VGPR',
    events: [med('VRd', '2023-01-10', null), response('2023-01-15', 'PD'), response('2023-05-01', 'VGPR')],
    drugs: { [B]: false, [L]: false }, flags: F(false, false, false, false), pd: '2023-01-15' },
  { id: 'C29', desc: 'never MR (SD) on VRd, stopped, KPd, PD day 5: primary refractory',
    events: [med('VRd', '2023-01-10', '2023-06-01'), response('2023-04-01', 'SD'), med('KPd', '2023-06-10', null), response('2023-06-15', 'PD')],
    drugs: { [B]: true, [L]: true, [K]: false, [P]: false }, flags: F(true, false, false), pd: '2023-06-15' },
  { id: 'C30', desc: 'ordinary: PD documented on VRd, KPd started 9 d later',
    events: [med('VRd', '2023-01-10', '2024-03-05'), response('2023-04-01', 'VGPR'), response('2024-03-01', 'PD'), med('KPd', '2024-03-10', null)],
    drugs: { [B]: true, [L]: true, [K]: false }, flags: F(false, true, false), pd: '2024-03-01' },
  { id: 'C31', desc: 'VRd stopped for toxicity, KRd 4 d later (switch), PD day 7 of KRd',
    events: [med('VRd', '2023-01-10', '2023-09-01', { reasonStopped: 'toxicity' }), response('2023-04-01', 'VGPR'), med('KRd', '2023-09-05', null), response('2023-09-12', 'PD')],
    drugs: { [B]: true, [L]: true, [K]: false }, flags: F(false, true, false), pd: '2023-09-12' },
  { id: 'C32', desc: 'confirmed rise 50 d after last VRd dose, KPd, PD reported day 8 of KPd (70 d after last dose)',
    events: [med('VRd', '2023-01-10', '2023-07-01'), serum('2023-01-05', 3), serum('2023-04-01', 1), serum('2023-05-01', 1), serum('2023-08-20', 1.6), serum('2023-08-28', 1.7), med('KPd', '2023-09-01', null), response('2023-09-09', 'PD')],
    drugs: { [B]: true, [L]: true, [K]: false }, flags: F(false, true, false), pd: '2023-08-20', last: '2023-09-09' },
  { id: 'C33', desc: 'PD on Rd, KPd, PD on KPd day 40 with no response between',
    events: [med('Rd', '2022-01-10', '2022-06-25'), response('2022-04-01', 'PR'), response('2022-06-20', 'PD'), med('KPd', '2022-07-01', null), response('2022-08-10', 'PD')],
    drugs: { [L]: true, [K]: true }, flags: F(false, true, false, true), pd: '2022-08-10' },
  { id: 'C34', desc: 'off-therapy PD reported, KPd 6 wk later, PD re-documented day 5 of KPd: one episode',
    events: [med('VRd', '2023-01-10', '2023-07-01'), response('2023-04-01', 'VGPR'), response('2024-01-15', 'PD'), med('KPd', '2024-02-25', null), response('2024-03-01', 'PD')],
    drugs: { [B]: false, [K]: false }, flags: F(false, false, true, false), pd: '2024-01-15', last: '2024-03-01' },
  { id: 'C35', desc: 'Rd completed, re-treatment with Rd after 8 mo, PD documented day 4',
    events: [med('Rd', '2022-01-10', '2023-01-01'), response('2022-06-01', 'VGPR'), med('Rd', '2023-09-01', null), response('2023-09-05', 'PD')],
    drugs: { [L]: false, [D]: false }, flags: F(false, false, true, false), pd: '2023-09-05' },
  { id: 'C36', desc: 'Rd with PR, dara added (D-Rd) 10 d before PD, len stopped at PD; PD day 10, then response to D-Rd, then PD day 200',
    events: [med('Rd', '2022-01-10', null), response('2022-06-01', 'PR'), med('daratumumab', '2023-06-01', null), response('2023-06-11', 'PD'), response('2023-09-01', 'VGPR'), response('2023-12-18', 'PD')],
    drugs: { [L]: true, [DARA]: true }, flags: F(false, true, false, true), pd: '2023-12-18' },
];

const AS_OF = '2025-06-01';
const afterLastLine = compileRule({ fact: 'progressionAfterLastLine' });
const summary = (events: Ev[]) => {
  const p = buildProfile(events, AS_OF);
  return { p, pal: afterLastLine({ profile: p, asOf: AS_OF, trace: null }).outcome };
};

describe('progressions in the first days of a salvage, carried drugs, CAR-T, and when the latest progression began', () => {
  it.each(CASES.map((c) => [c.id, c.desc, c] as const))('%s %s', (_id, _d, c) => {
    const { p } = summary(c.events);
    const flags = p.flags as unknown as Record<string, boolean>;
    expect({
      drugs: Object.fromEntries(Object.keys(c.drugs ?? {}).map((g) => [g, p.drugs[g]?.refractory ?? 'absent'])),
      flags: Object.fromEntries(Object.keys(c.flags ?? {}).map((k) => [k, flags[k]])),
      ...(c.pd !== undefined ? { pd: p.disease.progressionDate } : {}),
      ...(c.last !== undefined ? { last: p.disease.lastProgressionDate } : {}),
    }).toEqual({ drugs: c.drugs ?? {}, flags: c.flags ?? {}, ...(c.pd !== undefined ? { pd: c.pd } : {}), ...(c.last !== undefined ? { last: c.last } : {}) });
  });

  it('the flags do not depend on where a carried drug\'s record ends', () => {
    const variants = [
      [med('Rd', '2022-01-10', null), response('2022-06-01', 'PR'), med('daratumumab', '2023-06-01', null), response('2023-06-05', 'PD')],
      [med('Rd', '2022-01-10', '2023-06-01'), response('2022-06-01', 'PR'), med('DRd', '2023-06-01', null), response('2023-06-05', 'PD')],
      [med('Rd', '2022-01-10', '2023-05-31'), response('2022-06-01', 'PR'), med('DRd', '2023-06-01', null), response('2023-06-05', 'PD')],
      [med('Rd', '2022-01-10', '2023-05-30'), response('2022-06-01', 'PR'), med('DRd', '2023-06-01', null), response('2023-06-05', 'PD')],
    ];
    for (const events of variants) {
      const { p, pal } = summary(events);
      expect({ rr: p.flags.relapsedAndRefractory, relapsed: p.flags.relapsed, toLast: p.flags.refractoryToLastLine, pal }).toEqual({ rr: true, relapsed: false, toLast: false, pal: 'UNKNOWN' });
      expect(p.drugs[L]!.evidence.map((e) => e.line)).toEqual([1]);
    }
  });

  it('progression on or after the last line: not one that prompted it; after a CAR-T infusion, however soon', () => {
    const pal = (id: string) => summary(CASES.find((c) => c.id === id)!.events).pal;
    // C27: only the PD that prompted KPd since it began (day 4): unknown until assessed past its first days.
    expect([pal('C01'), pal('C03'), pal('C27'), pal('C28'), pal('C16')]).toEqual(['UNKNOWN', 'MET', 'UNKNOWN', 'NOT_MET', 'MET']);
    const cart9 = summary([med('VRd', '2019-01-10', '2019-07-01'), response('2019-04-01', 'VGPR'), response('2021-03-01', 'PD'), carT('2021-06-01', 'cilta-cel'), response('2021-06-10', 'PD')]);
    expect({ pd: cart9.p.disease.progressionDate, pal: cart9.pal, cilta: cart9.p.drugs[CILTA]!.refractory }).toEqual({ pd: '2021-06-10', pal: 'MET', cilta: true });
  });
});
