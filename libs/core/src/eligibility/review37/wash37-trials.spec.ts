/**
 * wash37 — whole catalog trials evaluated at a screening date: per-criterion outcome, the date it stops blocking,
 * and the verdict (docs/criteria-language.md "Verdict"; domain.md §7). Expectations written by hand before reading
 * the implementation. Scratch review file; not committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allo, carT, demographics, diagnosis, event, lab, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileTrial, evaluateTrial, screenTrial, type TrialDocument } from '../../eligibility/trial';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const DAY = 86400000;
const ago = (n: number) => new Date(Date.parse(AS_OF) - n * DAY).toISOString().slice(0, 10);
const load = (id: string) => compileTrial(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${id}.json`), 'utf8')) as TrialDocument);
const evalT = (id: string, evs: Ev[]) => evaluateTrial(load(id), buildProfile(evs, AS_OF), AS_OF);
const crit = (id: string, evs: Ev[], cid: string, cohort?: string) => {
  const r = evalT(id, evs);
  const list = cohort ? r.cohorts.find((c) => c.id === cohort)!.criteria : r.criteria;
  const c = list.find((x) => x.criterionId === cid)!;
  return `${c.outcome}${c.eligibleFrom ? '@' + c.eligibleFrom : ''}`;
};
const verdict = (id: string, evs: Ev[]) => {
  const r = evalT(id, evs);
  const s = screenTrial(load(id), buildProfile(evs, AS_OF), AS_OF);
  const a = `${r.verdict}${r.eligibleFrom ? '@' + r.eligibleFrom : ''}`;
  const b = `${s.verdict}${s.eligibleFrom ? '@' + s.eligibleFrom : ''}`;
  return a === b ? a : `evaluate=${a} screen=${b}`;
};

/**
 * A lenalidomide-exposed patient, ASCT, len maintenance progressed on; line 2 dara + dex from 2024-01-10 to `end`
 * (null = ongoing), PR twice, PD 35 days ago on line 2; serum M-protein 1.5 g/dL, ECOG 1.
 */
const patient = (end: string | null, extra: Ev[] = [], l2: Ev[] | null = null): Ev[] => [
  demographics('1960-03-15', 'female', 70),
  diagnosis('2021-01-01', 'IgG', 'kappa'),
  med('VRd', '2021-02-01', '2021-07-31'),
  response('2021-06-01', 'VGPR'), response('2021-07-01', 'VGPR'),
  sct('2021-09-15'),
  med('lenalidomide', '2021-11-01', '2023-12-31', { intent: 'maintenance' }),
  response('2023-12-20', 'PD'),
  ...(l2 ?? [med('daratumumab', '2024-01-10', end), med('dexamethasone', '2024-01-10', end)]),
  response('2024-03-01', 'PR'), response('2024-04-01', 'PR'),
  response(ago(35), 'PD'),
  lab(ago(10), 'serum m-protein', 1.5, 'g/dL'),
  event('performance-status', ago(10), { ecog: 1 }),
  ...extra,
];

interface Case { id: string; clause: string; run: () => string; expected: string }
const D8 = 'NCT04484623';
const C4 = 'NCT04181827';
const VEN = 'NCT03539744';
const IKEMA = 'NCT03275285';
const KDD = 'NCT03158688';
const MM3 = 'NCT04649359';
const TECDARA = 'NCT05083169';
const cases: Case[] = [
  // DREAMM-8 exc-03: any(not washout 15 shorter-of 5 t½, ANTI_CD38 within 30, …); blocks until day 31
  { id: 'D801', clause: 'DREAMM-8 exc-03 dara 20 d ago: within 30 → excluded until day 31', run: () => crit(D8, patient(ago(20)), 'exc-03'), expected: 'MET@2025-06-12' },
  { id: 'D802', clause: 'DREAMM-8 verdict: eligible from day 31 after dara', run: () => verdict(D8, patient(ago(20))), expected: 'ELIGIBLE_FROM@2025-06-12' },
  { id: 'D803', clause: 'DREAMM-8 exc-03 dara exactly 30 d ago: still within', run: () => crit(D8, patient(ago(30)), 'exc-03'), expected: 'MET@2025-06-02' },
  { id: 'D804', clause: 'DREAMM-8 exc-03 dara 31 d ago: not within', run: () => crit(D8, patient(ago(31)), 'exc-03'), expected: 'NOT_MET' },
  { id: 'D805', clause: 'DREAMM-8 verdict dara 31 d ago: potentially (text-only criteria)', run: () => verdict(D8, patient(ago(31))), expected: 'POTENTIALLY_ELIGIBLE' },
  { id: 'D806', clause: 'DREAMM-8 inc-05 progression on last line', run: () => crit(D8, patient(ago(31)), 'inc-05'), expected: 'MET' },
  { id: 'D807', clause: 'DREAMM-8 exc-03: bortezomib 10 d ago after dara (shorter of 14 d / 22.6 d → day 15)', run: () => crit(D8, patient(ago(60), [med('bortezomib', ago(20), ago(10))]), 'exc-03'), expected: 'MET@2025-06-06' },
  { id: 'D808', clause: 'DREAMM-8 exc-03: dex-only 3 d ago (5 t½ < 1 d) does not exclude', run: () => crit(D8, patient(ago(60), [med('dexamethasone', ago(5), ago(3))]), 'exc-03'), expected: 'NOT_MET' },
  { id: 'D809', clause: 'DREAMM-8 exc-03: dara stopped for toxicity, end not known → unknown', run: () => crit(D8, patient(null, [], [med('daratumumab', '2024-01-10', null, { reasonStopped: 'toxicity' }), med('dexamethasone', '2024-01-10', ago(60))]), 'exc-03'), expected: 'UNKNOWN' },
  { id: 'D810', clause: 'DREAMM-8 prior allo: exc-02 → ineligible', run: () => verdict(D8, patient(ago(60), [allo('2022-06-01')])), expected: 'INELIGIBLE' },
  { id: 'D811', clause: 'DREAMM-8 dara ongoing: excluded, no end date', run: () => crit(D8, patient(null), 'exc-03'), expected: 'MET' },
  { id: 'D812', clause: 'DREAMM-8 washout branch: len 1 d ago (t½ 5 h ×5 = 25 h → day 2) → excluded until tomorrow', run: () => crit(D8, patient(ago(60), [med('lenalidomide', ago(20), ago(1))]), 'exc-03'), expected: 'MET@2025-06-02' },
  { id: 'D813', clause: 'DREAMM-8 verdict: both dara 20 d and bortezomib 10 d: the later end (day 31 of dara) wins', run: () => verdict(D8, patient(ago(20), [med('bortezomib', ago(20), ago(10))])), expected: 'ELIGIBLE_FROM@2025-06-12' },

  { id: 'D814', clause: 'DREAMM-8 exc-03: dara+dex stopped for progression without end, then Kd 100→40 d ago: dara not given after Kd began → not excluded', run: () => crit(D8, patient(null, [], [med('daratumumab', '2024-01-10', null, { reasonStopped: 'progression' }), med('dexamethasone', '2024-01-10', null, { reasonStopped: 'progression' }), med('Kd', ago(100), ago(40))]), 'exc-03'), expected: 'NOT_MET' },

  { id: 'D815', clause: 'DREAMM-8: dara begun 12 d ago, stopped for toxicity without end: blocks until start+31, then unknown', run: () => verdict(D8, patient(ago(60), [med('daratumumab', ago(12), null, { reasonStopped: 'toxicity' })])), expected: 'ELIGIBLE_FROM@2025-06-20' },
  { id: 'C410', clause: 'CARTITUDE-4 exc-03: dara begun 12 d ago, stopped without end: within 21 met until start+22', run: () => crit(C4, patient(ago(60), [med('daratumumab', ago(12), null, { reasonStopped: 'toxicity' })]), 'exc-03'), expected: 'MET@2025-06-11' },

  // CARTITUDE-4 exc-03 and exc-01
  { id: 'C401', clause: 'CARTITUDE-4 exc-03 dara 21 d ago: within 21', run: () => crit(C4, patient(ago(21)), 'exc-03'), expected: 'MET@2025-06-02' },
  { id: 'C402', clause: 'CARTITUDE-4 exc-03 dara 22 d ago: unknownText branch only → unknown', run: () => crit(C4, patient(ago(22)), 'exc-03'), expected: 'UNKNOWN' },
  { id: 'C403', clause: 'CARTITUDE-4 exc-03 prior cilta-cel: excluded for good', run: () => crit(C4, patient(ago(100), [carT(ago(50), 'ciltacabtagene autoleucel')]), 'exc-03'), expected: 'MET' },
  { id: 'C404', clause: 'CARTITUDE-4 verdict prior cilta-cel: ineligible', run: () => verdict(C4, patient(ago(100), [carT(ago(50), 'ciltacabtagene autoleucel')])).split('@')[0]!, expected: 'INELIGIBLE' },
  { id: 'C405', clause: 'CARTITUDE-4 exc-01 dex 7 d ago: all(within 7, text) unknown', run: () => crit(C4, patient(ago(7)), 'exc-01'), expected: 'UNKNOWN' },
  { id: 'C406', clause: 'CARTITUDE-4 exc-01 dex 8 d ago: not met', run: () => crit(C4, patient(ago(8)), 'exc-01'), expected: 'NOT_MET' },
  { id: 'C407', clause: 'CARTITUDE-4 exc-03 melphalan (ALKYLATOR) 14 d ago: within 14', run: () => crit(C4, patient(ago(100), [med('melphalan', ago(20), ago(14))]), 'exc-03'), expected: 'MET@2025-06-02' },
  { id: 'C408', clause: 'CARTITUDE-4 exc-03 prior teclistamab (BCMA bispecific) long ago', run: () => crit(C4, patient(ago(100), [med('teclistamab', '2024-06-01', '2024-09-01')]), 'exc-03'), expected: 'MET' },
  { id: 'C409', clause: 'CARTITUDE-4 exc-03 prior talquetamab 21 d ago (GPRC5D bispecific within 21)', run: () => crit(C4, patient(ago(100), [med('talquetamab', ago(60), ago(21))]), 'exc-03'), expected: 'MET@2025-06-02' },

  // Venetoclax t(11;14) (NCT03539744) exc-02 SCT windows
  { id: 'V01', clause: 'exc-02 auto 84 d ago: within 12 weeks', run: () => crit(VEN, patient(ago(100), [sct(ago(84))]), 'exc-02'), expected: 'MET@2025-06-02' },
  { id: 'V02', clause: 'exc-02 auto 85 d ago: not', run: () => crit(VEN, patient(ago(100), [sct(ago(85))]), 'exc-02'), expected: 'NOT_MET' },
  { id: 'V03', clause: 'exc-02 allo 112 d ago: within 16 weeks', run: () => crit(VEN, patient(ago(200), [allo(ago(112))]), 'exc-02'), expected: 'MET@2025-06-02' },
  { id: 'V04', clause: 'exc-02 allo 100 d ago (not within 84 as auto): allo window applies', run: () => crit(VEN, patient(ago(200), [allo(ago(100))]), 'exc-02'), expected: 'MET@2025-06-14' },
  { id: 'V05', clause: 'exc-02 auto 85 + allo 113: neither', run: () => crit(VEN, patient(ago(200), [sct(ago(85)), allo(ago(113))]), 'exc-02'), expected: 'NOT_MET' },
  { id: 'V06', clause: 'exc-02 auto 100 + allo 60: excluded until allo day 113', run: () => crit(VEN, patient(ago(200), [sct(ago(100)), allo(ago(60))]), 'exc-02'), expected: 'MET@2025-07-24' },
  { id: 'V07', clause: 'exc-03 CNS active → excluded', run: () => crit(VEN, patient(ago(100), [event('condition', ago(10), { kind: 'cns-involvement', status: 'active' })]), 'exc-03'), expected: 'MET' },

  // IKEMA exc-01 (last therapy within 14 d), exc-06 (cancer within 5 y)
  { id: 'IK01', clause: 'IKEMA exc-01 last therapy 14 d ago', run: () => crit(IKEMA, patient(ago(14)), 'exc-01'), expected: 'MET@2025-06-02' },
  { id: 'IK02', clause: 'IKEMA exc-01 last therapy 15 d ago', run: () => crit(IKEMA, patient(ago(15)), 'exc-01'), expected: 'NOT_MET' },
  { id: 'IK03', clause: 'IKEMA exc-06 cancer resolved 1826 d ago: in window → review', run: () => crit(IKEMA, patient(ago(60), [event('condition', ago(30), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(2500), resolvedDate: ago(1826) })]), 'exc-06'), expected: 'UNKNOWN' },
  { id: 'IK04', clause: 'IKEMA exc-06 cancer resolved 1827 d ago: past', run: () => crit(IKEMA, patient(ago(60), [event('condition', ago(30), { kind: 'other-malignancy', status: 'resolved', onsetDate: ago(2500), resolvedDate: ago(1827) })]), 'exc-06'), expected: 'NOT_MET' },
  { id: 'IK05', clause: 'IKEMA exc-06 active cancer: excluded', run: () => crit(IKEMA, patient(ago(60), [event('condition', ago(30), { kind: 'other-malignancy', status: 'active' })]), 'exc-06'), expected: 'MET' },

  // KDd (NCT03158688) inc-05: prior carfilzomib ≥ 6 months (183 d) then review
  { id: 'K01', clause: 'inc-05 carfilzomib 182 d ago: not met until tomorrow', run: () => crit(KDD, patient(ago(60), [med('carfilzomib', '2024-06-01', ago(182))]), 'inc-05'), expected: 'NOT_MET@2025-06-02' },
  { id: 'K02', clause: 'inc-05 carfilzomib 183 d ago: review (unknown)', run: () => crit(KDD, patient(ago(60), [med('carfilzomib', '2024-06-01', ago(183))]), 'inc-05'), expected: 'UNKNOWN' },
  { id: 'K03', clause: 'inc-05 no carfilzomib: met (if without else)', run: () => crit(KDD, patient(ago(60)), 'inc-05'), expected: 'MET' },

  // MagnetisMM-3 cohorts and Tec-Dara
  { id: 'MM01', clause: 'MagnetisMM-3 cohort A: prior belantamab excludes', run: () => crit(MM3, patient(ago(100), [med('belantamab mafodotin', '2024-06-01', '2024-09-01')]), 'a-bcma-naive', 'A'), expected: 'MET' },
  { id: 'MM02', clause: 'MagnetisMM-3 cohort B: prior belantamab includes', run: () => crit(MM3, patient(ago(100), [med('belantamab mafodotin', '2024-06-01', '2024-09-01')]), 'b-prior-bcma', 'B'), expected: 'MET' },
  { id: 'MM03', clause: 'MagnetisMM-3 cohort B: unrecognised CAR-T → unknown', run: () => crit(MM3, patient(ago(100), [carT(ago(50), 'ABC-999 CAR-T')]), 'b-prior-bcma', 'B'), expected: 'UNKNOWN' },
  { id: 'TD01', clause: 'Tec-Dara exc-03: cilta-cel as a medication is BCMA-directed', run: () => crit(TECDARA, patient(ago(100), [med('ciltacabtagene autoleucel', ago(50), ago(50))]), 'exc-03'), expected: 'MET' },
];

describe('wash37 trials', () => {
  for (const c of cases) {
    it(`${c.id} ${c.clause}`, () => {
      expect(c.run()).toBe(c.expected);
    });
  }
});
