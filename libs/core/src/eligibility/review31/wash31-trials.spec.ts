/**
 * wash31 — whole catalog trials evaluated at the screening date, per-criterion outcomes and verdicts written by hand
 * from the trials' texts/rules and docs/criteria-language.md (verdict rules) before reading the implementation.
 */
import * as fs from 'fs';
import * as path from 'path';
import { allo, carT, diagnosis, event, lab, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileTrial, evaluateTrial } from '../../eligibility/trial';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const day = (n: number): string => new Date(Date.parse(`${AS_OF}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const trial = (id: string) => compileTrial(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${id}.json`), 'utf8')));
const cond = (date: string, kind: string, extra: Record<string, unknown> = {}): Ev => event('condition', date, { kind, ...extra });
const ecog = (date: string, v: number): Ev => event('performance-status', date, { ecog: v });

/** Common: a 67-year-old man, IgG-κ, ECOG 1, serum M-protein 1.8 g/dL a week ago, Hb 10. */
const COMMON: Ev[] = [
  event('demographics', '2015-01-01', { birthDate: '1958-03-10', sex: 'male', weightKg: 80 }),
  diagnosis('2019-01-10', 'IgG', 'kappa'),
  ecog(day(-10), 1),
  lab(day(-7), 'serum m-protein', 1.8, 'g/dL'),
  lab(day(-7), 'hemoglobin', 10, 'g/dL'),
];
/** L1: VRd ×6 → ASCT → lenalidomide maintenance, PD on maintenance (lenalidomide-refractory). */
const L1: Ev[] = [
  med('VRd', '2019-02-01', '2019-06-30', { cycles: 6, intent: 'induction' }),
  sct('2019-08-15'),
  med('lenalidomide', '2019-10-01', '2021-05-31', { intent: 'maintenance' }),
  response('2019-09-30', 'VGPR'), response('2019-12-01', 'VGPR'),
  response('2021-05-20', 'PD'),
];
/** L2: DPd, PR then PD on it. */
const L2_DPd: Ev[] = [
  med('daratumumab', '2021-06-10', '2023-03-31'), med('pomalidomide', '2021-06-10', '2023-03-31'), med('dexamethasone', '2021-06-10', '2023-03-31'),
  response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), response('2023-03-20', 'PD'),
];
/** L3: Kd, PD on it. */
const L3_Kd: Ev[] = [med('Kd', '2023-04-15', '2024-06-30'), response('2023-07-01', 'PR'), response('2023-09-01', 'PR'), response('2024-06-20', 'PD')];
/** a last line from `start` to `end` (null: ongoing) with PD on it 20 days before `end` (or 10 days ago). */
const lastLine = (drugs: string[], start: string, end: string | null, pdDay?: string): Ev[] => [
  ...drugs.map((d) => med(d, start, end)),
  response(pdDay ?? day(-30), 'PD'),
];

interface TCase { id: string; clause: string; trial: string; events: Ev[]; verdict: string; eligibleFrom?: string; criteria?: Record<string, string>; cohorts?: Record<string, string> }

const cases: TCase[] = [
  // ---- DREAMM-8 (NCT04484623) exc-03: within 14 days or 5 half-lives (shorter) / mAb within 30 days; exc-02 prior allo ----
  {
    id: 'T01', clause: 'DREAMM-8 exc-03: Vd last dose day 14, bortezomib shorter(15 → "within 14", 22.6 d) → excluded until day 15',
    trial: 'NCT04484623', events: [...COMMON, ...L1, ...L2_DPd, ...lastLine(['Vd'], '2024-07-15', day(-14), day(-30))],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(1), criteria: { 'exc-03': 'MET', 'exc-02': 'NOT_MET', 'inc-05': 'MET', 'inc-07': 'MET' },
  },
  {
    id: 'T02', clause: 'DREAMM-8 exc-03: Vd last dose day 15 → not within 14 days', trial: 'NCT04484623',
    events: [...COMMON, ...L1, ...L2_DPd, ...lastLine(['Vd'], '2024-07-15', day(-15), day(-30))],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-03': 'NOT_MET' },
  },
  {
    id: 'T03', clause: 'DREAMM-8 exc-03: daratumumab (mAb) last dose day 20 → within 30 days until day 31',
    trial: 'NCT04484623', events: [...COMMON, ...L1, ...L3_Kd, ...lastLine(['DVd'], '2024-07-15', day(-20), day(-40))],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(11), criteria: { 'exc-03': 'MET' },
  },
  {
    id: 'T04', clause: 'DREAMM-8 exc-03: daratumumab last dose day 30 is within 30 days; day 31 out', trial: 'NCT04484623',
    events: [...COMMON, ...L1, ...L3_Kd, ...lastLine(['DVd'], '2024-07-15', day(-30), day(-45))],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(1), criteria: { 'exc-03': 'MET' },
  },
  {
    id: 'T05', clause: 'DREAMM-8 exc-03: Pd day 3 → pomalidomide/dex past 5 half-lives; no mAb', trial: 'NCT04484623',
    events: [...COMMON, ...L1, ...L3_Kd, ...lastLine(['Pd'], '2024-07-15', day(-3), day(-30))],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-03': 'NOT_MET' },
  },
  {
    id: 'T06', clause: 'DREAMM-8 exc-03: elranatamab (bispecific mAb) day 25 → within 30 days', trial: 'NCT04484623',
    events: [...COMMON, ...L1, ...L3_Kd, ...lastLine(['elranatamab'], '2024-07-15', day(-25), day(-40))],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(6), criteria: { 'exc-03': 'MET' },
  },
  {
    id: 'T07', clause: 'DREAMM-8 exc-03: last line ongoing → washout never ends while given → INELIGIBLE', trial: 'NCT04484623',
    events: [...COMMON, ...L1, ...L3_Kd, ...lastLine(['Pd'], '2024-07-15', null, day(-30))],
    verdict: 'INELIGIBLE', criteria: { 'exc-03': 'MET' },
  },
  {
    id: 'T08', clause: 'DREAMM-8 exc-02: prior allo-SCT excluded (no end)', trial: 'NCT04484623',
    events: [...COMMON, ...L1, ...L3_Kd, allo('2024-08-01'), ...lastLine(['Pd'], '2024-12-01', day(-60), day(-70))],
    verdict: 'INELIGIBLE', criteria: { 'exc-02': 'MET', 'exc-03': 'NOT_MET' },
  },
  // ---- Venetoclax (NCT03539744) exc-02: allo within 16 weeks / auto within 12 weeks; exc-03 CNS ----
  {
    id: 'T09', clause: 'venetoclax exc-02: salvage ASCT day 50 → excluded through day 84, eligible from day 85',
    trial: 'NCT03539744', events: [...COMMON, ...L1, cytoT1114(), med('Kd', '2021-06-10', '2024-12-31'), response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), response('2024-12-20', 'PD'), sct(day(-50))],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(35), criteria: { 'exc-02': 'MET', 'exc-01': 'NOT_MET', 'inc-01': 'MET', 'inc-02': 'MET' },
  },
  {
    id: 'T10', clause: 'venetoclax exc-02: allo day 100 → within 16 weeks (112) → eligible from day 113',
    trial: 'NCT03539744', events: [...COMMON, ...L1, cytoT1114(), med('Kd', '2021-06-10', '2024-12-31'), response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), response('2024-12-20', 'PD'), allo(day(-100))],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(13), criteria: { 'exc-02': 'MET' },
  },
  {
    id: 'T11', clause: 'venetoclax exc-02: ASCT day 100 (>12 weeks) → not excluded', trial: 'NCT03539744',
    events: [...COMMON, ...L1, cytoT1114(), med('Kd', '2021-06-10', '2024-12-31'), response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), response('2024-12-20', 'PD'), sct(day(-100))],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-02': 'NOT_MET' },
  },
  {
    id: 'T12', clause: 'venetoclax exc-03: CNS involvement active → excluded', trial: 'NCT03539744',
    events: [...COMMON, ...L1, cytoT1114(), med('Kd', '2021-06-10', '2024-12-31'), response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), response('2024-12-20', 'PD'), cond(day(-20), 'cns-involvement', { status: 'active' })],
    verdict: 'INELIGIBLE', criteria: { 'exc-03': 'MET', 'exc-02': 'NOT_MET' },
  },
  // ---- CARTITUDE-4 (NCT04181827) exc-03: anti-CD38 within 21 days; BCMA; CAR-T; exc-01 steroids in 7 days ----
  {
    id: 'T13', clause: 'CARTITUDE-4 exc-03: daratumumab last dose day 21 → excluded; day 22 on',
    trial: 'NCT04181827', events: [...COMMON, ...L1, ...lastLine(['daratumumab', 'pomalidomide', 'dexamethasone'], '2021-06-10', day(-21), day(-40)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR')],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(1), criteria: { 'exc-03': 'MET', 'exc-01': 'NOT_MET', 'inc-03': 'MET', 'inc-04': 'MET', 'inc-05': 'MET', 'inc-07': 'MET' },
  },
  {
    id: 'T14', clause: 'CARTITUDE-4 exc-03: daratumumab day 22 → open (unknownText keeps exc-03 unknown)', trial: 'NCT04181827',
    events: [...COMMON, ...L1, ...lastLine(['daratumumab', 'pomalidomide', 'dexamethasone'], '2021-06-10', day(-22), day(-40)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR')],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-03': 'UNKNOWN' },
  },
  {
    id: 'T15', clause: 'CARTITUDE-4 exc-03: prior belantamab (BCMA) → ineligible', trial: 'NCT04181827',
    events: [...COMMON, ...L1, ...lastLine(['belantamab mafodotin', 'pomalidomide', 'dexamethasone'], '2021-06-10', day(-60), day(-80)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR')],
    verdict: 'INELIGIBLE', criteria: { 'exc-03': 'MET' },
  },
  {
    id: 'T16', clause: 'CARTITUDE-4 exc-01: dex last dose day 7 → unknown (dose not recorded), not blocking', trial: 'NCT04181827',
    events: [...COMMON, ...L1, ...lastLine(['daratumumab', 'pomalidomide'], '2021-06-10', day(-60), day(-80)), med('dexamethasone', '2021-06-10', day(-7)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR')],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-01': 'UNKNOWN' },
  },
  // ---- IKEMA (NCT03275285) exc-01: last therapy within 14 days; exc-06: cancer within 5 years ----
  {
    id: 'T17', clause: 'IKEMA exc-01: last therapy completed day 14 → excluded, eligible from day 15', trial: 'NCT03275285',
    events: [...COMMON, ...L1, ...lastLine(['daratumumab', 'pomalidomide', 'dexamethasone'], '2021-06-10', day(-14), day(-40)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR')],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(1), criteria: { 'exc-01': 'MET', 'inc-02': 'MET', 'exc-02': 'NOT_MET' },
  },
  {
    id: 'T18', clause: 'IKEMA exc-06: a cancer active → excluded', trial: 'NCT03275285',
    events: [...COMMON, ...L1, ...lastLine(['daratumumab', 'pomalidomide', 'dexamethasone'], '2021-06-10', day(-40), day(-60)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), cond(day(-200), 'other-malignancy', { status: 'active' })],
    verdict: 'INELIGIBLE', criteria: { 'exc-06': 'MET', 'exc-01': 'NOT_MET' },
  },
  {
    id: 'T19', clause: 'IKEMA exc-06: cancer ended 6 years ago → not excluded by it', trial: 'NCT03275285',
    events: [...COMMON, ...L1, ...lastLine(['daratumumab', 'pomalidomide', 'dexamethasone'], '2021-06-10', day(-40), day(-60)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), cond('2019-06-01', 'other-malignancy', { status: 'resolved', resolvedDate: '2019-05-01' })],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-06': 'NOT_MET' },
  },
  {
    id: 'T20', clause: 'IKEMA exc-06: cancer ended 2 years ago → open for review (in situ?)', trial: 'NCT03275285',
    events: [...COMMON, ...L1, ...lastLine(['daratumumab', 'pomalidomide', 'dexamethasone'], '2021-06-10', day(-40), day(-60)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR'), cond('2023-07-01', 'other-malignancy', { status: 'resolved', resolvedDate: '2023-06-01' })],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-06': 'UNKNOWN' },
  },
  // ---- CANDOR (NCT03158688) inc-05: 6 months (183 d) since carfilzomib ----
  {
    id: 'T21', clause: 'CANDOR inc-05: carfilzomib last dose day 100 → not until day 183', trial: 'NCT03158688',
    events: [...COMMON, ...L1, ...lastLine(['Kd'], '2021-06-10', day(-100), day(-120)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR')],
    verdict: 'ELIGIBLE_FROM', eligibleFrom: day(83), criteria: { 'inc-05': 'NOT_MET', 'inc-01': 'MET', 'inc-03': 'MET', 'inc-04': 'MET' },
  },
  {
    id: 'T22', clause: 'CANDOR inc-05: carfilzomib day 183 → 6 months passed; review text remains', trial: 'NCT03158688',
    events: [...COMMON, ...L1, ...lastLine(['Kd'], '2021-06-10', day(-183), day(-200)), response('2021-09-01', 'PR'), response('2021-11-01', 'PR')],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'inc-05': 'UNKNOWN' },
  },
  // ---- MajesTEC-1 (NCT04557098): cohort A excludes prior BCMA, cohort C requires it ----
  {
    id: 'T23', clause: 'MajesTEC-1: BCMA-naive TCE → cohort A eligible, C not', trial: 'NCT04557098',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, ...lastLine(['Pd'], '2024-07-15', day(-20), day(-30))],
    verdict: 'ELIGIBLE', cohorts: { A: 'ELIGIBLE', C: 'INELIGIBLE' },
  },
  {
    id: 'T24', clause: 'MajesTEC-1: prior belantamab → cohort A excluded, C eligible', trial: 'NCT04557098',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, ...lastLine(['belantamab mafodotin'], '2024-07-15', day(-20), day(-30))],
    verdict: 'ELIGIBLE', cohorts: { A: 'INELIGIBLE', C: 'ELIGIBLE' },
  },
  {
    id: 'T25', clause: 'MajesTEC-1: unrecognised CAR-T as last line → BCMA unknown in both cohorts', trial: 'NCT04557098',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, carT('2024-09-01', 'XYZ-19 CAR-T'), response('2024-12-01', 'PR'), response('2025-01-15', 'PR'), response(day(-30), 'PD')],
    verdict: 'POTENTIALLY_ELIGIBLE', cohorts: { A: 'POTENTIALLY_ELIGIBLE', C: 'POTENTIALLY_ELIGIBLE' },
  },
  // ---- MonumenTAL-1 (NCT04634552): TCR-naive cohorts A/C exclude CD3-redirecting (bispecific) and CAR-T; B requires them ----
  {
    id: 'T26', clause: 'MonumenTAL-1: prior teclistamab → A and C excluded, B open', trial: 'NCT04634552',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, ...lastLine(['teclistamab'], '2024-07-15', day(-20), day(-30))],
    verdict: 'POTENTIALLY_ELIGIBLE', cohorts: { A: 'INELIGIBLE', B: 'POTENTIALLY_ELIGIBLE', C: 'INELIGIBLE' },
  },
  {
    id: 'T27', clause: 'MonumenTAL-1: prior belantamab (ADC) only → TCR-naive: A, C open, B not', trial: 'NCT04634552',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, ...lastLine(['belantamab mafodotin'], '2024-07-15', day(-20), day(-30))],
    verdict: 'POTENTIALLY_ELIGIBLE', cohorts: { A: 'POTENTIALLY_ELIGIBLE', B: 'INELIGIBLE', C: 'POTENTIALLY_ELIGIBLE' },
  },
  {
    id: 'T28', clause: 'MonumenTAL-1: prior GPRC5D CAR-T → TCR-exposed (any CAR-T)', trial: 'NCT04634552',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, carT('2024-09-01', 'arlocabtagene autoleucel'), response('2024-12-01', 'PR'), response('2025-01-15', 'PR'), response(day(-30), 'PD')],
    verdict: 'POTENTIALLY_ELIGIBLE', cohorts: { A: 'INELIGIBLE', B: 'POTENTIALLY_ELIGIBLE', C: 'INELIGIBLE' },
  },
  // ---- MagnetisMM-3 (NCT04649359): A BCMA-naive; B prior BCMA ADC or CAR-T (a bispecific alone qualifies for neither) ----
  {
    id: 'T29', clause: 'MagnetisMM-3: prior BCMA bispecific only → A excluded, B not included → INELIGIBLE', trial: 'NCT04649359',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, ...lastLine(['teclistamab'], '2024-07-15', day(-20), day(-30))],
    verdict: 'INELIGIBLE', cohorts: { A: 'INELIGIBLE', B: 'INELIGIBLE' },
  },
  {
    id: 'T30', clause: 'MagnetisMM-3: prior cilta-cel → cohort B eligible', trial: 'NCT04649359',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, carT('2024-09-01', 'ciltacabtagene autoleucel'), response('2024-12-01', 'PR'), response('2025-01-15', 'PR'), response(day(-30), 'PD')],
    verdict: 'ELIGIBLE', cohorts: { A: 'INELIGIBLE', B: 'ELIGIBLE' },
  },
  // ---- MajesTEC-3 (NCT05083169) exc-03: any prior BCMA-directed therapy ----
  {
    id: 'T31', clause: 'MajesTEC-3 exc-03: prior BCMA CAR-T → excluded', trial: 'NCT05083169',
    events: [...COMMON, ...L1, carT('2022-01-01', 'idecabtagene vicleucel'), response('2022-04-01', 'PR'), response('2022-06-01', 'PR'), response(day(-30), 'PD')],
    verdict: 'INELIGIBLE', criteria: { 'exc-03': 'MET' },
  },
  // ---- CARTITUDE-1 (NCT03548207) exc-01: prior BCMA-targeted therapy ----
  {
    id: 'T32', clause: 'CARTITUDE-1 exc-01: prior GPRC5D bispecific only is not BCMA-targeted', trial: 'NCT03548207',
    events: [...COMMON, ...L1, ...L2_DPd, ...L3_Kd, ...lastLine(['talquetamab'], '2024-07-15', day(-20), day(-30))],
    verdict: 'POTENTIALLY_ELIGIBLE', criteria: { 'exc-01': 'NOT_MET' },
  },
];

function cytoT1114(): Ev { return event('cytogenetics', '2019-01-15', { abnormality: 't(11;14)', result: 'detected', percentCells: 40 }); }

describe('wash31 trials', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const ev = evaluateTrial(trial(c.trial), buildProfile(c.events, AS_OF), AS_OF);
    const got: Record<string, unknown> = { verdict: ev.verdict };
    const want: Record<string, unknown> = { verdict: c.verdict };
    if (c.eligibleFrom) { got.eligibleFrom = ev.eligibleFrom; want.eligibleFrom = c.eligibleFrom; }
    const all = [...ev.criteria, ...ev.cohorts.flatMap((co) => co.criteria)];
    for (const [id, o] of Object.entries(c.criteria ?? {})) { got[id] = all.find((x) => x.criterionId === id)?.outcome; want[id] = o; }
    for (const [id, v] of Object.entries(c.cohorts ?? {})) { got[`cohort ${id}`] = ev.cohorts.find((x) => x.id === id)?.verdict; want[`cohort ${id}`] = v; }
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      const detail = all.filter((x) => x.outcome !== (x.kind === 'inclusion' ? 'MET' : 'NOT_MET')).map((x) => `${x.criterionId}:${x.outcome}${x.eligibleFrom ? '→' + x.eligibleFrom : ''}`).join(' ');
      expect({ case: `${c.id} ${c.clause}`, ...got, detail }).toEqual({ case: `${c.id} ${c.clause}`, ...want, detail });
    }
  });
});
