/**
 * story35 — whole-patient RRMM histories (3-10 years, CAR-T / bispecific era, FHIR-like stops, MRD-guided therapy).
 * Expectations written from /work/shared/design/domain.md and docs/clinical-core.md (settings v17 defaults) before
 * reading the implementation. Each `it` is one fact of one patient: id S<nn>.<fact>. Scratch review file; not committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { carT, diagnosis, event, lab, med, mrd, response, sct, allo, demographics } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileTrial, evaluateTrial, type TrialDocument } from '../../eligibility/trial';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;

const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
/** serum series with a 24-h urine value (default 0) each time */
const SU = (pairs: Array<[string, number]>, urine = 0): Ev[] => pairs.flatMap(([d, v]) => [S(d, v), U(d, urine)]);
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const IFEneg = (d: string) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const FLC = (d: string, k: number, l: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
const pet = (d: string, r: string) => event('imaging', d, { modality: 'PET-CT', mrd: r });
const apheresis = (d: string) => event('procedure', d, { kind: 'apheresis' });
const ecog = (d: string, v: number) => event('performance-status', d, { ecog: v });
/** several drugs given as one course (separate records, as a pharmacy sends them) */
const meds = (drugs: string[], start: string, end: string | null, extra: Record<string, unknown> = {}) => drugs.map((d) => med(d, start, end, extra));

const trialDoc = (id: string): TrialDocument => JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../data/trials', `${id}.json`), 'utf8')) as TrialDocument;
const verdict = (id: string, p: P, asOf: string) => evaluateTrial(compileTrial(trialDoc(id)), p, asOf).verdict;
const KARMMA3 = 'NCT03651128';
const MAJESTEC1 = 'NCT04557098';
const MAGNETISMM3 = 'NCT04649359';

const starts = (p: P) => p.linesOfTherapy.lines.map((l) => l.start);
const refr = (p: P, g: string) => p.drugs[g]?.refractory;
const resp = (p: P) => p.disease.response?.category ?? null;

interface Fact { id: string; clause: string; read: (p: P, asOf: string) => unknown; expected: unknown; asOf?: string }
interface Patient { id: string; story: string; asOf: string; events: Ev[]; facts: Fact[] }

const patients: Patient[] = [];

// ---------------------------------------------------------------------------------------------------------------
// S01 IgG-κ 2018: VRd → mobilization → ASCT → R maintenance (PD on it) → Dara-Kd (PD) → bridging Pd + cilta-cel → CR, MRD-neg
patients.push({
  id: 'S01', story: 'VRd/ASCT/R-maint PD → DKd PD → Pd bridging + cilta-cel, CR', asOf: '2024-06-01',
  events: [
    diagnosis('2018-03-01', 'IgG', 'kappa'),
    med('VRd', '2018-03-15', '2018-07-15', { intent: 'induction', cycles: 4 }),
    med('cyclophosphamide', '2018-07-25', '2018-07-26', { intent: 'mobilization' }),
    apheresis('2018-08-05'),
    sct('2018-09-01'),
    med('lenalidomide', '2018-11-01', '2021-05-10', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...SU([['2018-03-01', 4.0], ['2018-05-01', 1.5], ['2018-07-01', 0.6], ['2018-10-01', 0.2], ['2019-01-02', 0.1], ['2019-06-03', 0.1],
      ['2020-01-02', 0.1], ['2021-01-04', 0.1], ['2021-03-01', 0.4], ['2021-04-01', 0.7], ['2021-05-05', 0.9]]),
    ...meds(['daratumumab', 'carfilzomib', 'dexamethasone'], '2021-05-20', '2023-02-01', { reasonStopped: 'progression' }),
    ...SU([['2021-05-18', 1.0], ['2021-07-01', 0.4], ['2021-09-01', 0.2], ['2022-01-03', 0.2], ['2022-06-01', 0.2], ['2022-10-03', 0.5],
      ['2022-12-01', 0.8], ['2023-01-20', 1.0]]),
    apheresis('2023-02-15'),
    ...meds(['pomalidomide', 'dexamethasone'], '2023-02-20', '2023-04-01', { intent: 'bridging' }),
    ...meds(['fludarabine', 'cyclophosphamide'], '2023-04-10', '2023-04-12', { intent: 'lymphodepletion' }),
    carT('2023-04-15', 'cilta-cel'),
    ...SU([['2023-03-01', 1.1], ['2023-04-14', 1.2], ['2023-05-15', 0.3]]),
    ...IFEneg('2023-06-15'), ...IFEneg('2023-07-15'), BM('2023-07-15', 2), ...IFEneg('2023-09-15'), ...IFEneg('2024-01-15'), ...IFEneg('2024-04-15'),
    mrd('2023-10-15', 'negative', 'NGS', 1e-5), mrd('2024-04-15', 'negative', 'NGS', 1e-6),
  ],
  facts: [
    { id: 'lines', clause: '§3: induction→ASCT→maint = 1 line; new regimen after discontinuation; CAR-T line (bridging part of it); mobilization no line', read: (p) => p.linesOfTherapy.count, expected: 3 },
    { id: 'lineStarts', clause: '§3 step 5: bridging belongs to the CAR-T line', read: starts, expected: ['2018-03-15', '2021-05-20', '2023-02-20'] },
    { id: 'lenRefractory', clause: '§1: PD while on R maintenance (2021-04-01, confirmed 2021-05-05)', read: (p) => refr(p, 'lenalidomide'), expected: true },
    { id: 'tripleClassRefractory', clause: '§2 TCR: R (IMiD), carfilzomib (PI), dara (CD38) each with PD on therapy', read: (p) => p.flags.tripleClassRefractory, expected: true },
    { id: 'pentaRefractory', clause: '§2 penta: bortezomib only in responding induction → not refractory', read: (p) => p.flags.pentaRefractory, expected: false },
    { id: 'progressionDate', clause: '§4 PD: nadir 0.2 confirmed; 0.8 ≥ +0.5 and ≥25% on 2022-12-01, confirmed 2023-01-20', read: (p) => p.disease.progressionDate, expected: '2022-12-01' },
    { id: 'response', clause: '§4 CR: serum+urine IFE negative on consecutive assessments, marrow 2% <5%', read: resp, expected: 'CR' },
    { id: 'relapsedAndRefractory', clause: '§1 R&R: ≥MR before, latest PD on salvage therapy (DKd) — classed by latest progression (docs flags)', read: (p) => p.flags.relapsedAndRefractory, expected: true },
    { id: 'refractoryToLastLine', clause: 'docs flags: CAR-T line in CR, no progression', read: (p) => p.flags.refractoryToLastLine, expected: false },
    { id: 'KarMMa3', clause: 'KarMMa-3 inc-01 needs refractory to last line', read: (p, a) => verdict(KARMMA3, p, a), expected: 'INELIGIBLE' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S02 IgA-λ 2019: D-VRd → ASCT → D-R maint PD → teclistamab PD → talquetamab PR
const S02_EVENTS: Ev[] = [
  diagnosis('2019-06-01', 'IgA', 'lambda'),
  ...meds(['daratumumab', 'bortezomib', 'lenalidomide', 'dexamethasone'], '2019-06-10', '2019-10-10', { intent: 'induction' }),
  sct('2019-12-01'),
  ...meds(['daratumumab', 'lenalidomide'], '2020-02-01', '2022-08-15', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...SU([['2019-06-01', 2.4], ['2019-08-01', 0.8], ['2019-10-01', 0.3], ['2020-01-02', 0.1], ['2020-06-01', 0.1], ['2021-06-01', 0.1],
    ['2022-04-01', 0.1], ['2022-06-01', 0.5], ['2022-07-20', 0.8], ['2022-08-20', 1.1]]),
  med('teclistamab', '2022-09-01', '2023-05-01', { reasonStopped: 'progression' }),
  ...SU([['2022-08-30', 1.2], ['2022-10-01', 0.5], ['2022-11-01', 0.3], ['2023-01-03', 0.3], ['2023-03-01', 0.9], ['2023-04-01', 1.2]]),
  med('talquetamab', '2023-05-10', null),
  ...SU([['2023-05-09', 1.4], ['2023-06-10', 0.6], ['2023-07-10', 0.5]]),
];
patients.push({
  id: 'S02', story: 'D-VRd/ASCT/D-R PD → tec PD → talq PR', asOf: '2023-08-01', events: S02_EVENTS,
  facts: [
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 3 },
    { id: 'lineStarts', clause: '§3', read: starts, expected: ['2019-06-10', '2022-09-01', '2023-05-10'] },
    { id: 'daraRefractory', clause: '§1: PD on D-R maintenance (2022-07-20)', read: (p) => refr(p, 'daratumumab'), expected: true },
    { id: 'bortezomibRefractory', clause: '§1: bortezomib only in induction with response; PD >60 d after last dose', read: (p) => refr(p, 'bortezomib'), expected: false },
    { id: 'tripleClassRefractory', clause: '§2 TCR needs a PI refractory', read: (p) => p.flags.tripleClassRefractory, expected: false },
    { id: 'tripleClassExposed', clause: '§2 TCE', read: (p) => p.flags.tripleClassExposed, expected: true },
    { id: 'teclistamabRefractory', clause: '§1: nadir 0.3 confirmed; 0.9 (+0.6) on 2023-03-01 on therapy', read: (p) => refr(p, 'teclistamab'), expected: true },
    { id: 'progressionDate', clause: '§4 PD dated at first of two', read: (p) => p.disease.progressionDate, expected: '2023-03-01' },
    { id: 'response', clause: '§4 PR: 1.4 → 0.6 (−57%), 0.5 (−64%) confirmed', read: resp, expected: 'PR' },
    { id: 'MagnetisMM3', clause: 'MagnetisMM-3 inc-01 TCR not met', read: (p, a) => verdict(MAGNETISMM3, p, a), expected: 'INELIGIBLE' },
    { id: 'KarMMa3@2023-05-05', clause: 'KarMMa-3: 2 prior lines, TCE, refractory to last line (tec), dara exposed', asOf: '2023-05-05', read: (p, a) => verdict(KARMMA3, p, a), expected: 'ELIGIBLE' },
    { id: 'MajesTEC1@2023-05-05', clause: 'MajesTEC-1 inc-02 ≥3 prior lines not met (2)', asOf: '2023-05-05', read: (p, a) => verdict(MAJESTEC1, p, a), expected: 'INELIGIBLE' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S03 IgG-κ 2021: primary refractory to VRd (never MR, PD on it), then DKd PR
const S03_EVENTS: Ev[] = [
  diagnosis('2021-01-10', 'IgG', 'kappa'),
  med('VRd', '2021-01-15', '2021-04-15', { intent: 'induction', reasonStopped: 'progression' }),
  ...SU([['2021-01-10', 3.0], ['2021-02-15', 3.1], ['2021-03-15', 3.4], ['2021-04-10', 3.8], ['2021-05-10', 4.2]]),
  response('2021-03-15', 'SD'),
  ...meds(['daratumumab', 'carfilzomib', 'dexamethasone'], '2021-05-15', null),
  ...SU([['2021-06-15', 2.0], ['2021-07-15', 1.2]]),
];
patients.push({
  id: 'S03', story: 'primary refractory VRd → DKd PR', asOf: '2021-08-01', events: S03_EVENTS,
  facts: [
    { id: 'primaryRefractory@2021-05-14', clause: '§1 primary refractory: never MR, PD on therapy (3.0→3.8 ≥25% & ≥0.5)', asOf: '2021-05-14', read: (p) => p.flags.primaryRefractory, expected: true },
    { id: 'progressionDate@2021-05-14', clause: '§4 PD from baseline nadir, dated 2021-04-10', asOf: '2021-05-14', read: (p) => p.disease.progressionDate, expected: '2021-04-10' },
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 2 },
    { id: 'doubleRefractory', clause: '§2 double-refractory: bortezomib + lenalidomide refractory', read: (p) => p.flags.doubleRefractory, expected: true },
    { id: 'primaryRefractory', clause: '§1 now PR on salvage → MR achieved, not primary refractory (docs prog28 X29)', read: (p) => p.flags.primaryRefractory, expected: false },
    { id: 'relapsed', clause: '§1 relapsed: PD was on therapy → not relapsed (docs prog28 X29)', read: (p) => p.flags.relapsed, expected: false },
    { id: 'response', clause: '§4 PR vs line baseline 4.2: 2.0 (−52%), 1.2 (−71%)', read: resp, expected: 'PR' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S04 IgG-λ 2017: fixed-duration VRd (completed), off-therapy relapse 20 months later, VRd re-treatment
patients.push({
  id: 'S04', story: 'VRd ×8 completed → observation → PD off therapy → VRd again', asOf: '2019-09-01',
  events: [
    diagnosis('2017-02-01', 'IgG', 'lambda'),
    med('VRd', '2017-02-10', '2017-08-10', { cycles: 8, reasonStopped: 'completed' }),
    ...SU([['2017-02-01', 2.5], ['2017-04-03', 1.0], ['2017-06-01', 0.4], ['2017-08-01', 0.3], ['2017-11-01', 0.3], ['2018-06-01', 0.3],
      ['2019-01-02', 0.5], ['2019-04-01', 0.9], ['2019-05-15', 1.2], ['2019-05-30', 1.3]]),
    med('VRd', '2019-06-01', null),
    ...SU([['2019-07-01', 0.6], ['2019-08-01', 0.5]]),
  ],
  facts: [
    { id: 'lines', clause: '§3 [S1]: re-treatment after treatment-free interval + PD = new line', read: (p) => p.linesOfTherapy.count, expected: 2 },
    { id: 'line2OpenedBy', clause: '§3 [S1]', read: (p) => p.linesOfTherapy.lines[1]?.openedBy, expected: 'retreatment-after-treatment-free-interval' },
    { id: 'relapsed', clause: '§1 relapsed: PD off therapy >60 d after last dose', read: (p) => p.flags.relapsed, expected: true },
    { id: 'relapsedAndRefractory', clause: '§1', read: (p) => p.flags.relapsedAndRefractory, expected: false },
    { id: 'lenRefractory', clause: '§1 PD 2019-04-01 is 599 d after last dose', read: (p) => refr(p, 'lenalidomide'), expected: false },
    { id: 'progressionDate', clause: '§4 nadir 0.3 confirmed; 0.9 (+0.6) on 2019-04-01', read: (p) => p.disease.progressionDate, expected: '2019-04-01' },
    { id: 'response', clause: '§4 PR vs baseline 1.3: 0.6, 0.5', read: resp, expected: 'PR' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S05 IgG-κ 2020: Rd with a toxicity hold and dose reduction, SD for 10 months, then daratumumab added (unplanned) → PR
patients.push({
  id: 'S05', story: 'Rd hold/restart at 10 mg, SD → +dara (D-Rd) PR', asOf: '2021-05-01',
  events: [
    diagnosis('2020-03-01', 'IgG', 'kappa'),
    med('lenalidomide', '2020-03-10', '2020-07-01', { reasonStopped: 'toxicity', dose: '25 mg' }),
    med('dexamethasone', '2020-03-10', null),
    med('lenalidomide', '2020-07-25', null, { dose: '10 mg' }),
    med('daratumumab', '2021-02-01', null),
    ...SU([['2020-03-01', 2.0], ['2020-05-01', 1.7], ['2020-07-01', 1.7], ['2020-09-01', 1.7], ['2020-11-02', 1.7], ['2021-01-15', 1.75],
      ['2021-03-15', 0.8], ['2021-04-15', 0.6]]),
  ],
  facts: [
    { id: 'lines', clause: '§3: hold ≤60 d no new line; unplanned addition of dara = new line', read: (p) => p.linesOfTherapy.count, expected: 2 },
    { id: 'line2', clause: '§3 rule 2', read: (p) => [p.linesOfTherapy.lines[1]?.start, p.linesOfTherapy.lines[1]?.openedBy], expected: ['2021-02-01', 'unplanned-addition-or-switch'] },
    { id: 'line2CarriesLen', clause: 'docs: line opened by addition carries running agents (D-Rd)', read: (p) => p.linesOfTherapy.lines[1]?.generics.includes('lenalidomide'), expected: true },
    { id: 'lenRefractory', clause: '§1 nonresponsive: no MR on Rd over 10 months (docs: "Rd with SD…then dara added…refractory to lenalidomide")', read: (p) => refr(p, 'lenalidomide'), expected: true },
    { id: 'daraRefractory', clause: '§1', read: (p) => refr(p, 'daratumumab'), expected: false },
    { id: 'primaryRefractory', clause: '§1 primary refractory needs never ≥MR; now PR', read: (p) => p.flags.primaryRefractory, expected: false },
    { id: 'response', clause: '§4 PR vs line-2 baseline 1.75: 0.8 (−54%), 0.6 (−66%)', read: resp, expected: 'PR' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S06 IgG-κ 2016: FHIR-like courses stopped for progression without an end; ide-cel 2021 → VGPR
const S06_EVENTS: Ev[] = [
  diagnosis('2016-05-01', 'IgG', 'kappa'),
  med('VRd', '2016-05-10', '2016-09-10', { intent: 'induction' }),
  sct('2016-11-01'),
  med('lenalidomide', '2017-01-05', '2019-03-01', { intent: 'maintenance', reasonStopped: 'progression' }),
  ...SU([['2016-05-01', 3.0], ['2016-07-01', 1.0], ['2016-09-01', 0.4], ['2016-12-01', 0.2], ['2017-06-01', 0.2], ['2018-06-01', 0.2],
    ['2019-01-02', 0.5], ['2019-02-01', 0.8], ['2019-02-25', 1.0]]),
  ...meds(['daratumumab', 'pomalidomide', 'dexamethasone'], '2019-03-15', null, { reasonStopped: 'progression' }),
  ...SU([['2019-03-10', 1.1], ['2019-05-01', 0.4], ['2019-07-01', 0.2], ['2019-10-01', 0.2], ['2020-06-01', 0.2], ['2020-10-01', 0.6],
    ['2020-11-16', 0.8], ['2020-12-15', 1.1]]),
  ...meds(['carfilzomib', 'cyclophosphamide', 'dexamethasone'], '2021-01-10', null, { reasonStopped: 'progression' }),
  ...SU([['2021-01-05', 1.2], ['2021-03-01', 0.8], ['2021-05-03', 0.8], ['2021-06-15', 1.4], ['2021-07-15', 1.6]]),
  apheresis('2021-08-01'),
  ...meds(['fludarabine', 'cyclophosphamide'], '2021-09-10', '2021-09-12', { intent: 'lymphodepletion' }),
  carT('2021-09-15', 'ide-cel'),
  ...SU([['2021-09-14', 1.8], ['2021-10-15', 0.3], ['2021-11-15', 0.1], ['2021-12-15', 0.1]]),
];
patients.push({
  id: 'S06', story: 'VRd/ASCT/R PD → DPd (stopped, no end) PD → KCd (stopped, no end) PD → ide-cel VGPR', asOf: '2022-01-15', events: S06_EVENTS,
  facts: [
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 4 },
    { id: 'lineStarts1to3', clause: '§3', read: (p) => starts(p).slice(0, 3), expected: ['2016-05-10', '2019-03-15', '2021-01-10'] },
    { id: 'pomRefractory', clause: '§1 PD 2020-11-16 on DPd (stopped for progression, end unknown: given to next line at most)', read: (p) => refr(p, 'pomalidomide'), expected: true },
    { id: 'carfilzomibRefractory', clause: '§1 PD 2021-06-15 on KCd', read: (p) => refr(p, 'carfilzomib'), expected: true },
    { id: 'tripleClassRefractory', clause: '§2', read: (p) => p.flags.tripleClassRefractory, expected: true },
    { id: 'pentaRefractory', clause: '§2 bortezomib not refractory', read: (p) => p.flags.pentaRefractory, expected: false },
    { id: 'pentaExposed', clause: '§2', read: (p) => p.flags.pentaExposed, expected: true },
    { id: 'response', clause: '§4 VGPR: −94% twice, urine 0 each', read: resp, expected: 'VGPR' },
    { id: 'KarMMa3', clause: 'KarMMa-3 inc-01 refractory to last line not met', read: (p, a) => verdict(KARMMA3, p, a), expected: 'INELIGIBLE' },
    { id: 'MagnetisMM3', clause: 'MagnetisMM-3 TCR + cohort B prior BCMA CAR-T', read: (p, a) => verdict(MAGNETISMM3, p, a), expected: 'ELIGIBLE' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S07 IgG-κ 2019: D-VRd/ASCT/D-R, MRD-negative sustained, MRD-guided stop 2022, relapse from MRD-neg/CR 2023, Isa-Kd
const S07_EVENTS: Ev[] = [
  diagnosis('2019-01-05', 'IgG', 'kappa'),
  ...meds(['daratumumab', 'bortezomib', 'lenalidomide', 'dexamethasone'], '2019-01-10', '2019-05-10', { intent: 'induction' }),
  sct('2019-07-01'),
  ...meds(['daratumumab', 'lenalidomide'], '2019-09-01', '2022-09-01', { intent: 'maintenance', reasonStopped: 'completed' }),
  ...SU([['2019-01-05', 2.6], ['2019-03-01', 0.9], ['2019-05-01', 0.3], ['2019-08-01', 0.1]]),
  ...IFEneg('2019-11-01'), ...IFEneg('2020-03-02'), ...IFEneg('2020-09-01'), BM('2020-09-01', 1), ...IFEneg('2021-09-15'), ...IFEneg('2022-08-20'), ...IFEneg('2023-03-01'),
  S('2023-06-01', 0), sIFE('2023-06-01', 'positive'),
  ...SU([['2023-09-01', 0.3], ['2023-12-01', 0.6], ['2024-01-15', 0.8]]),
  mrd('2020-09-01', 'negative', 'NGS', 1e-6), mrd('2021-09-15', 'negative', 'NGS', 1e-6), mrd('2022-08-20', 'negative', 'NGS', 1e-6), mrd('2023-06-01', 'positive', 'NGS', 1e-6),
  pet('2020-09-05', 'negative'), pet('2022-08-25', 'negative'),
  ...meds(['isatuximab', 'carfilzomib', 'dexamethasone'], '2024-02-01', null),
];
patients.push({
  id: 'S07', story: 'D-VRd/ASCT/D-R → MRD-guided stop → relapse off therapy → Isa-Kd', asOf: '2024-03-01', events: S07_EVENTS,
  facts: [
    { id: 'sustainedMrd@2022-09-01', clause: '§4 sustained MRD-neg: marrow NGS + PET negative ≥1 year apart', asOf: '2022-09-01', read: (p) => p.disease.mrd.sustainedNegative, expected: true },
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 2 },
    { id: 'relapsed', clause: '§1 relapsed: PD 2023-12-01, 15 months after last dose', read: (p) => p.flags.relapsed, expected: true },
    { id: 'relapsedAndRefractory', clause: '§1', read: (p) => p.flags.relapsedAndRefractory, expected: false },
    { id: 'daraRefractory', clause: '§1', read: (p) => refr(p, 'daratumumab'), expected: false },
    { id: 'relapseFromCr', clause: '§4 relapse from CR: reappearance of M-protein by IFE (2023-06-01)', read: (p) => p.disease.relapseFromCr?.date ?? null, expected: '2023-06-01' },
    { id: 'negativityLost', clause: '§4 relapse from MRD-negative: loss of MRD negativity 2023-06-01', read: (p) => p.disease.mrd.negativityLost?.date ?? null, expected: '2023-06-01' },
    { id: 'sustainedNow', clause: '§4 negativity lost → not sustained now', read: (p) => p.disease.mrd.sustainedNegative, expected: false },
    { id: 'progressionDate', clause: '§4 nadir 0; +0.6 on 2023-12-01 confirmed 0.8', read: (p) => p.disease.progressionDate, expected: '2023-12-01' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S08 IgG-κ 2020: KRd ×12 recorded twice (regimen + pharmacy carfilzomib), R maintenance without ASCT, PD at exactly +0.5, elranatamab
patients.push({
  id: 'S08', story: 'KRd (duplicated K record) → R maint PD → elranatamab (PF-06863135) PR', asOf: '2023-08-01',
  events: [
    diagnosis('2020-06-01', 'IgG', 'kappa'),
    med('KRd', '2020-06-10', '2021-06-10', { cycles: 12 }),
    med('carfilzomib', '2020-06-10', '2021-06-10', { cycles: 12 }),
    med('lenalidomide', '2021-06-20', '2023-04-15', { intent: 'maintenance', reasonStopped: 'progression' }),
    ...SU([['2020-06-01', 3.5], ['2020-08-03', 1.2], ['2020-10-01', 0.3], ['2021-01-04', 0.1], ['2021-06-01', 0.1], ['2022-06-01', 0.1],
      ['2023-01-02', 0.2], ['2023-02-01', 0.6], ['2023-03-01', 0.9], ['2023-04-28', 1.2]]),
    med('PF-06863135', '2023-05-01', null),
    ...SU([['2023-06-01', 0.5], ['2023-07-01', 0.4]]),
  ],
  facts: [
    { id: 'lines', clause: '§3 rule: dropping K → R alone is not a new line', read: (p) => p.linesOfTherapy.count, expected: 2 },
    { id: 'carfilzomibCycles', clause: 'docs v14: a course recorded twice adds no cycles', read: (p) => p.drugs.carfilzomib?.cycles, expected: 12 },
    { id: 'carfilzomibRefractory', clause: '§1 PD 2023 far beyond 60 d of last K', read: (p) => refr(p, 'carfilzomib'), expected: false },
    { id: 'lenRefractory', clause: '§1 PD on R', read: (p) => refr(p, 'lenalidomide'), expected: true },
    { id: 'progressionDate', clause: '§4 absolute increase exactly 0.5 from confirmed nadir 0.1 counts', read: (p) => p.disease.progressionDate, expected: '2023-02-01' },
    { id: 'elranatamabRead', clause: 'docs terminology: research code read', read: (p) => p.drugs.elranatamab?.exposed ?? false, expected: true },
    { id: 'response', clause: '§4 PR vs 1.2: 0.5 (−58%), 0.4 (−67%)', read: resp, expected: 'PR' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S09 IgA-κ 2015: VCd → planned tandem ASCT → V maint completed; relapse off therapy; KRd re-induction → salvage ASCT → R maint
patients.push({
  id: 'S09', story: 'VCd/tandem ASCT/V maint → off-therapy PD → KRd → 3rd ASCT → R maint', asOf: '2020-06-01',
  events: [
    diagnosis('2015-04-01', 'IgA', 'kappa'),
    med('VCd', '2015-04-10', '2015-08-01', { intent: 'induction' }),
    sct('2015-10-01'),
    sct('2016-01-05', { plannedTandem: true }),
    med('bortezomib', '2016-03-01', '2018-03-01', { intent: 'maintenance', reasonStopped: 'completed' }),
    ...SU([['2015-04-01', 3.0], ['2015-06-01', 1.2], ['2015-08-03', 0.5], ['2015-12-01', 0.2], ['2016-06-01', 0.2], ['2017-06-01', 0.2],
      ['2018-06-01', 0.2], ['2019-03-01', 0.4], ['2019-05-01', 0.8], ['2019-06-03', 1.0]]),
    med('KRd', '2019-07-01', '2019-08-25', { intent: 'salvage' }),
    sct('2019-10-15'),
    med('lenalidomide', '2019-12-15', null, { intent: 'maintenance' }),
    ...SU([['2019-06-28', 1.1], ['2019-08-20', 0.4], ['2019-09-30', 0.3], ['2019-12-02', 0.1], ['2020-03-02', 0.1]]),
  ],
  facts: [
    { id: 'lines', clause: '§3 rule 3: planned tandem same line; a later SCT (not tandem) is a new line', read: (p) => p.linesOfTherapy.count, expected: 3 },
    { id: 'lineStarts', clause: '§3 rule 3', read: starts, expected: ['2015-04-10', '2019-07-01', '2019-10-15'] },
    { id: 'line3OpenedBy', clause: '§3 rule 3', read: (p) => p.linesOfTherapy.lines[2]?.openedBy, expected: 'second-sct' },
    { id: 'relapsed', clause: '§1 PD 2019-05-01 >60 d off therapy', read: (p) => p.flags.relapsed, expected: true },
    { id: 'bortezomibRefractory', clause: '§1', read: (p) => refr(p, 'bortezomib'), expected: false },
    { id: 'progressionDate', clause: '§4 nadir 0.2; 0.8 (+0.6) on 2019-05-01', read: (p) => p.disease.progressionDate, expected: '2019-05-01' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S10 IgG-λ 2014: five lines with reported responses; teclistamab as research code; penta-refractory
patients.push({
  id: 'S10', story: 'VRd/ASCT/R PD → KPd PD → DVd PD → JNJ-64007957 PD → Sel-d PD', asOf: '2021-01-15',
  events: [
    diagnosis('2014-01-15', 'IgG', 'lambda'),
    med('VRd', '2014-02-01', '2014-06-01', { intent: 'induction' }),
    sct('2014-08-01'),
    med('lenalidomide', '2014-10-01', '2017-05-01', { intent: 'maintenance', reasonStopped: 'progression' }),
    response('2014-05-15', 'VGPR'), response('2014-07-01', 'VGPR'), response('2015-01-10', 'CR'), response('2017-04-20', 'PD'),
    ...meds(['carfilzomib', 'pomalidomide', 'dexamethasone'], '2017-05-15', '2018-11-01', { reasonStopped: 'progression' }),
    response('2017-07-01', 'PR'), response('2017-08-01', 'PR'), response('2018-10-20', 'PD'),
    ...meds(['daratumumab', 'bortezomib', 'dexamethasone'], '2018-11-15', '2019-11-01', { reasonStopped: 'progression' }),
    response('2019-01-02', 'PR'), response('2019-02-01', 'PR'), response('2019-10-20', 'PD'),
    med('JNJ-64007957', '2019-12-01', '2020-09-01', { reasonStopped: 'progression' }),
    response('2020-02-01', 'VGPR'), response('2020-03-02', 'VGPR'), response('2020-08-20', 'PD'),
    ...meds(['selinexor', 'dexamethasone'], '2020-09-15', '2020-12-01', { reasonStopped: 'progression' }),
    response('2020-11-15', 'SD'), response('2020-11-28', 'PD'),
  ],
  facts: [
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 5 },
    { id: 'pentaRefractory', clause: '§2 penta: V (DVd), K, R, P, dara each PD on therapy', read: (p) => p.flags.pentaRefractory, expected: true },
    { id: 'teclistamabRefractory', clause: '§1 PD on JNJ-64007957', read: (p) => refr(p, 'teclistamab'), expected: true },
    { id: 'priorBcmaBispecific', clause: '§7 prior BCMA-directed', read: (p) => p.flags.priorBcmaBispecific, expected: true },
    { id: 'refractoryToLastLine', clause: 'PD on selinexor-dex', read: (p) => p.flags.refractoryToLastLine, expected: true },
    { id: 'relapsedAndRefractory', clause: '§1', read: (p) => p.flags.relapsedAndRefractory, expected: true },
    { id: 'MagnetisMM3', clause: 'cohort A excludes prior BCMA; cohort B needs ADC or CAR-T (bispecific is neither)', read: (p, a) => verdict(MAGNETISMM3, p, a), expected: 'INELIGIBLE' },
    { id: 'KarMMa3', clause: 'KarMMa-3: 5 prior lines > 4', read: (p, a) => verdict(KARMMA3, p, a), expected: 'INELIGIBLE' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S11 / S12: KRd ×12 completed, PD exactly 60 d (S11) or 61 d (S12) after last dose, then DPd
const krdFixed = (pdDay: string, confirmDay: string): Ev[] => [
  diagnosis('2022-01-10', 'IgG', 'kappa'),
  med('KRd', '2022-01-15', '2022-12-15', { cycles: 12, reasonStopped: 'completed' }),
  ...SU([['2022-01-10', 2.8], ['2022-03-01', 1.0], ['2022-05-02', 0.3], ['2022-08-01', 0.2], ['2022-11-01', 0.2], ['2023-01-20', 0.5],
    [pdDay, 0.75], [confirmDay, 1.1]]),
  ...meds(['daratumumab', 'pomalidomide', 'dexamethasone'], '2023-03-10', null),
];
patients.push({
  id: 'S11', story: 'KRd completed, PD on day 60 after last dose', asOf: '2023-04-01', events: krdFixed('2023-02-13', '2023-03-05'),
  facts: [
    { id: 'lenRefractory', clause: '§1 PD within 60 days of last therapy (day 60)', read: (p) => refr(p, 'lenalidomide'), expected: true },
    { id: 'carfilzomibRefractory', clause: '§1', read: (p) => refr(p, 'carfilzomib'), expected: true },
    { id: 'doubleRefractory', clause: '§2', read: (p) => p.flags.doubleRefractory, expected: true },
    { id: 'relapsedAndRefractory', clause: '§1', read: (p) => p.flags.relapsedAndRefractory, expected: true },
    { id: 'relapsed', clause: '§1', read: (p) => p.flags.relapsed, expected: false },
    { id: 'progressionDate', clause: '§4 0.75 ≥ 0.2+0.5, ≥25%', read: (p) => p.disease.progressionDate, expected: '2023-02-13' },
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 2 },
  ],
});
patients.push({
  id: 'S12', story: 'KRd completed, PD on day 61 after last dose', asOf: '2023-04-01', events: krdFixed('2023-02-14', '2023-03-06'),
  facts: [
    { id: 'lenRefractory', clause: '§1 PD 61 days after last dose: not refractory', read: (p) => refr(p, 'lenalidomide'), expected: false },
    { id: 'relapsed', clause: '§1 relapsed: >60 days after last dose', read: (p) => p.flags.relapsed, expected: true },
    { id: 'relapsedAndRefractory', clause: '§1', read: (p) => p.flags.relapsedAndRefractory, expected: false },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S13 light-chain κ 2020: VRd/ASCT/R maint; dFLC progression (>10 mg/dL rise) on R
const flcSeries: Array<[string, number, number]> = [['2020-09-01', 850, 8], ['2020-11-02', 120, 10], ['2021-01-04', 40, 10], ['2021-06-01', 20, 12],
  ['2021-12-01', 18, 12], ['2022-06-01', 18, 12], ['2023-01-03', 90, 12], ['2023-03-01', 140, 12], ['2023-04-03', 180, 12]];
patients.push({
  id: 'S13', story: 'LCMM κ: VRd/ASCT/R maint, dFLC PD 2023', asOf: '2023-05-01',
  events: [
    diagnosis('2020-09-01', 'none', 'kappa'),
    med('VRd', '2020-09-10', '2021-01-10', { intent: 'induction' }),
    sct('2021-03-01'),
    med('lenalidomide', '2021-05-01', null, { intent: 'maintenance' }),
    ...flcSeries.flatMap(([d, k, l]) => [...FLC(d, k, l), S(d, 0), U(d, 0)]),
  ],
  facts: [
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 1 },
    { id: 'measurableFlcOnly', clause: '§5 involved FLC 18 mg/dL ≥10, ratio 15 abnormal, serum/urine 0', read: (p) => [p.disease.measurable.serum, p.disease.measurable.flcOnly], expected: [false, true] },
    { id: 'progressionDate', clause: '§4 dFLC nadir 6 mg/L confirmed; 2023-01 +72 mg/L no; 2023-03 +122 mg/L >100 → PD', read: (p) => p.disease.progressionDate, expected: '2023-03-01' },
    { id: 'lenRefractory', clause: '§1 PD on R maintenance', read: (p) => refr(p, 'lenalidomide'), expected: true },
    { id: 'refractoryToLastLine', clause: 'R in the last (only) line', read: (p) => p.flags.refractoryToLastLine, expected: true },
    { id: 'relapsedAndRefractory', clause: '§1 ≥MR earlier, PD on therapy', read: (p) => p.flags.relapsedAndRefractory, expected: true },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S14 IgG-κ 2012: VTD/ASCT, relapse, KRd, allo-SCT, relapse, daratumumab
patients.push({
  id: 'S14', story: 'VTD/ASCT → KRd → allo-SCT → dara', asOf: '2016-09-01',
  events: [
    diagnosis('2012-02-15', 'IgG', 'kappa'),
    med('VTD', '2012-03-01', '2012-07-01', { intent: 'induction' }),
    sct('2012-09-01'),
    response('2012-06-01', 'VGPR'), response('2012-11-01', 'VGPR'), response('2014-05-01', 'PD'),
    med('KRd', '2014-06-01', '2014-11-01'),
    response('2014-09-01', 'PR'), response('2014-10-15', 'PR'),
    allo('2015-01-15'),
    response('2016-05-01', 'PD'),
    med('daratumumab', '2016-06-01', null),
  ],
  facts: [
    { id: 'lines', clause: '§3 rule 3: allo-SCT opens a line', read: (p) => p.linesOfTherapy.count, expected: 4 },
    { id: 'line3OpenedBy', clause: '§3', read: (p) => p.linesOfTherapy.lines[2]?.openedBy, expected: 'allogeneic-sct' },
    { id: 'priorAllo', clause: '§7', read: (p) => p.flags.priorAllogeneicSct, expected: true },
    { id: 'thalidomideIsImid', clause: '§2 class membership', read: (p) => p.classes.IMID.drugs.includes('thalidomide'), expected: true },
    { id: 'relapsed', clause: '§1 PD 2016-05-01 >60 d after last therapy (allo 2015-01-15)', read: (p) => p.flags.relapsed, expected: true },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S15 IgG-κ 2021: dex lead-in, DRd, zoledronic acid, G-CSF, dex → prednisone swap; VGPR
patients.push({
  id: 'S15', story: 'dex lead-in → DRd; supportive agents; steroid swap', asOf: '2022-06-01',
  events: [
    diagnosis('2021-04-01', 'IgG', 'kappa'),
    med('dexamethasone', '2021-04-01', '2021-04-10'),
    ...meds(['daratumumab', 'lenalidomide'], '2021-04-12', null),
    med('dexamethasone', '2021-04-12', '2021-12-31'),
    med('prednisone', '2022-01-01', null),
    med('zoledronic acid', '2021-04-15', null),
    med('filgrastim', '2021-06-01', '2021-06-05'),
    ...SU([['2021-04-01', 4.0], ['2021-06-01', 1.5], ['2021-08-02', 0.8], ['2022-01-03', 0.3], ['2022-03-01', 0.3], ['2022-05-02', 0.3]], 50),
  ],
  facts: [
    { id: 'lines', clause: '§3 step 1: steroid-only changes and supportive agents open no line', read: (p) => p.linesOfTherapy.count, expected: 1 },
    { id: 'zoledronicNotExposure', clause: '§3 step 1 supportive', read: (p) => Object.keys(p.drugs).some((g) => /zoledron|filgrastim/.test(g)), expected: false },
    { id: 'response', clause: '§4 VGPR: −92.5% twice, urine 50 <100', read: resp, expected: 'VGPR' },
    { id: 'daraRefractory', clause: '§1', read: (p) => refr(p, 'daratumumab'), expected: false },
    { id: 'noProgression', clause: '§4', read: (p) => p.disease.progressionDate, expected: null },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S16 IgG-κ 2018: DRd PD → PVd PD → Kd bridging + cilta-cel, PD day 45 → talquetamab VGPR
patients.push({
  id: 'S16', story: 'DRd → PVd → Kd bridge + cilta-cel (early PD) → talquetamab', asOf: '2023-03-01',
  events: [
    diagnosis('2018-04-20', 'IgG', 'kappa'),
    ...meds(['daratumumab', 'lenalidomide', 'dexamethasone'], '2018-05-01', '2021-02-01', { reasonStopped: 'progression' }),
    response('2018-09-01', 'VGPR'), response('2018-10-01', 'VGPR'), response('2021-01-20', 'PD'),
    med('PVd', '2021-02-15', '2022-03-01', { reasonStopped: 'progression' }),
    response('2021-04-01', 'PR'), response('2021-05-03', 'PR'), response('2022-02-15', 'PD'),
    apheresis('2022-04-01'),
    ...meds(['carfilzomib', 'dexamethasone'], '2022-04-05', '2022-08-15', { intent: 'bridging' }),
    ...meds(['fludarabine', 'cyclophosphamide'], '2022-08-27', '2022-08-29', { intent: 'lymphodepletion' }),
    carT('2022-09-01', 'cilta-cel'),
    response('2022-10-01', 'PR'), response('2022-10-16', 'PD'),
    med('talquetamab', '2022-11-01', null),
    response('2023-01-03', 'VGPR'), response('2023-02-01', 'VGPR'),
  ],
  facts: [
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 4 },
    { id: 'carfilzomibLines', clause: '§3 step 5: bridging is part of the CAR-T line', read: (p) => p.drugs.carfilzomib?.lines, expected: [3] },
    { id: 'carTRefractory', clause: 'docs: CAR-T progressed on within 60 d of infusion is refractory', read: (p) => refr(p, 'ciltacabtagene autoleucel'), expected: true },
    { id: 'priorGprc5d', clause: '§7', read: (p) => p.flags.priorGprc5dDirected, expected: true },
    { id: 'refractoryToLastLine', clause: 'talquetamab responding', read: (p) => p.flags.refractoryToLastLine, expected: false },
    { id: 'relapsedAndRefractory', clause: '§1 latest PD within 60 d of CAR-T', read: (p) => p.flags.relapsedAndRefractory, expected: true },
    { id: 'progressionDate', clause: '§4 reported PD', read: (p) => p.disease.progressionDate, expected: '2022-10-16' },
    { id: 'response', clause: '§4 reported VGPR', read: resp, expected: 'VGPR' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S17 / S18 IgG-κ 2021: Isa-KRd induction → ASCT → Isa-KRd consolidation → R maint; MRD-neg; sustained at exactly one year (S17) or a day short (S18)
const isaKrd = (firstPet: string): Ev[] => [
  diagnosis('2021-02-01', 'IgG', 'kappa'),
  ...meds(['isatuximab', 'carfilzomib', 'lenalidomide', 'dexamethasone'], '2021-02-10', '2021-10-10', { intent: 'induction' }),
  sct('2021-12-01'),
  ...meds(['isatuximab', 'carfilzomib', 'lenalidomide', 'dexamethasone'], '2022-02-01', '2022-06-01', { intent: 'consolidation' }),
  med('lenalidomide', '2022-07-01', null, { intent: 'maintenance' }),
  ...SU([['2021-02-01', 3.2], ['2021-04-01', 1.0], ['2021-06-01', 0.2]]),
  ...IFEneg('2021-08-02'), ...IFEneg('2021-10-01'), BM('2021-10-01', 1), ...IFEneg('2022-03-01'), ...IFEneg('2023-03-01'),
  mrd('2022-06-15', 'negative', 'NGS', 1e-6), mrd('2023-06-20', 'negative', 'NGS', 1e-6),
  pet(firstPet, 'negative'), pet('2023-07-01', 'negative'),
];
patients.push({
  id: 'S17', story: 'Isa-KRd/ASCT/Isa-KRd/R, sustained MRD-neg exactly 1 year', asOf: '2023-08-01', events: isaKrd('2022-06-20'),
  facts: [
    { id: 'lines', clause: '§3 planned induction→ASCT→consolidation→maintenance = 1 line', read: (p) => p.linesOfTherapy.count, expected: 1 },
    { id: 'tripleClassExposed', clause: '§2 TCE: isatuximab is anti-CD38', read: (p) => p.flags.tripleClassExposed, expected: true },
    { id: 'sustainedMrd', clause: '§4 sustained: marrow 2022-06-15→2023-06-20, PET 2022-06-20→2023-07-01: span 2022-06-20→2023-06-20 = 1 year', read: (p) => p.disease.mrd.sustainedNegative, expected: true },
    { id: 'response', clause: '§4 CR (IFE neg ×2, marrow 1%)', read: resp, expected: 'CR' },
    { id: 'relapsed', clause: '§1 no progression', read: (p) => p.flags.relapsed, expected: false },
  ],
});
patients.push({
  id: 'S18', story: 'as S17, first PET a day later', asOf: '2023-08-01', events: isaKrd('2022-06-21'),
  facts: [
    { id: 'sustainedMrd', clause: '§4 span 2022-06-21→2023-06-20 < 1 year', read: (p) => p.disease.mrd.sustainedNegative, expected: false },
    { id: 'sustainedMarrowOnly', clause: 'docs sustainedMarrowNegative: marrow alone ≥1 year', read: (p) => p.disease.mrd.sustainedMarrowNegative, expected: true },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S19 IgG-κ 2020: FHIR-like DRd "stopped (progression)" with no end; reported PD 2022; no next line yet
patients.push({
  id: 'S19', story: 'DRd stopped for progression, end not recorded', asOf: '2022-05-01',
  events: [
    diagnosis('2020-01-02', 'IgG', 'kappa'),
    ...meds(['daratumumab', 'lenalidomide', 'dexamethasone'], '2020-01-10', null, { reasonStopped: 'progression' }),
    response('2020-03-10', 'PR'), response('2020-06-10', 'VGPR'), response('2020-09-10', 'VGPR'), response('2022-04-01', 'PD'),
  ],
  facts: [
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 1 },
    { id: 'daraRefractory', clause: 'docs v16: stopped for progression without end → progressed on', read: (p) => refr(p, 'daratumumab'), expected: true },
    { id: 'refractoryToLastLine', clause: 'docs flags', read: (p) => p.flags.refractoryToLastLine, expected: true },
    { id: 'relapsedAndRefractory', clause: '§1', read: (p) => p.flags.relapsedAndRefractory, expected: true },
    { id: 'daraNotOngoing', clause: 'docs v16: stopped course is not ongoing; last dose unknown', read: (p) => [p.drugs.daratumumab?.ongoing, p.drugs.daratumumab?.lastDoseUnknown ?? false], expected: [false, true] },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S20 IgG-κ 2020: VRd, bortezomib stopped for neuropathy, carfilzomib substituted 2 months in → new line (rule 2)
patients.push({
  id: 'S20', story: 'VRd → V stopped (PN) → K substituted (KRd)', asOf: '2020-06-01',
  events: [
    diagnosis('2020-01-02', 'IgG', 'kappa'),
    med('bortezomib', '2020-01-06', '2020-03-01', { reasonStopped: 'toxicity' }),
    ...meds(['lenalidomide', 'dexamethasone'], '2020-01-06', null),
    med('carfilzomib', '2020-03-05', null),
    ...SU([['2020-01-02', 3.0], ['2020-02-03', 1.6], ['2020-03-02', 1.2], ['2020-04-01', 0.6], ['2020-05-01', 0.4]]),
  ],
  facts: [
    { id: 'lines', clause: '§3 rule 2: unplanned substitution for toxicity = new line', read: (p) => p.linesOfTherapy.count, expected: 2 },
    { id: 'line2', clause: '§3 rule 2', read: (p) => [p.linesOfTherapy.lines[1]?.start, p.linesOfTherapy.lines[1]?.openedBy], expected: ['2020-03-05', 'unplanned-addition-or-switch'] },
    { id: 'bortezomibRefractory', clause: '§1 responding (MR by 2020-03-02) when stopped for toxicity', read: (p) => refr(p, 'bortezomib'), expected: false },
    { id: 'line2CarriesLen', clause: 'docs: running agents carried', read: (p) => p.linesOfTherapy.lines[1]?.generics.includes('lenalidomide'), expected: true },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S21 male b.1958, IgG-κ 2017: VRd/ASCT/R PD → DPd PD → KCd PD, measurable, ECOG 1 — MajesTEC-1 candidate
patients.push({
  id: 'S21', story: '3 lines TCR, measurable, ECOG 1', asOf: '2023-02-01',
  events: [
    demographics('1958-03-03', 'male', 80),
    diagnosis('2017-06-01', 'IgG', 'kappa'),
    med('VRd', '2017-06-10', '2017-10-10', { intent: 'induction' }),
    sct('2017-12-15'),
    med('lenalidomide', '2018-02-15', '2020-08-01', { intent: 'maintenance', reasonStopped: 'progression' }),
    response('2017-09-01', 'VGPR'), response('2017-10-02', 'VGPR'), response('2020-07-15', 'PD'),
    ...meds(['daratumumab', 'pomalidomide', 'dexamethasone'], '2020-08-10', '2022-05-01', { reasonStopped: 'progression' }),
    response('2020-10-01', 'PR'), response('2020-11-02', 'PR'), response('2022-04-15', 'PD'),
    ...meds(['carfilzomib', 'cyclophosphamide', 'dexamethasone'], '2022-05-10', '2023-01-20', { reasonStopped: 'progression' }),
    response('2022-07-01', 'PR'), response('2022-08-01', 'PR'), response('2023-01-10', 'PD'),
    ...SU([['2023-01-10', 1.6], ['2023-01-25', 1.8]]),
    ecog('2023-01-25', 1),
  ],
  facts: [
    { id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 3 },
    { id: 'tripleClassRefractory', clause: '§2', read: (p) => p.flags.tripleClassRefractory, expected: true },
    { id: 'measurableSerum', clause: '§5 serum 1.8 ≥1 g/dL', read: (p) => p.disease.measurable.serum, expected: true },
    { id: 'MajesTEC1', clause: 'MajesTEC-1 cohort A: age, ≥3 lines, TCE, measurable + progression after last line, ECOG 1, BCMA-naive', read: (p, a) => verdict(MAJESTEC1, p, a), expected: 'ELIGIBLE' },
    { id: 'KarMMa3', clause: 'KarMMa-3: 3 lines, TCE, refractory to last line, dara exposed', read: (p, a) => verdict(KARMMA3, p, a), expected: 'ELIGIBLE' },
    { id: 'MagnetisMM3', clause: 'MagnetisMM-3 cohort A: TCR, BCMA-naive', read: (p, a) => verdict(MAGNETISMM3, p, a), expected: 'ELIGIBLE' },
  ],
});

// ---------------------------------------------------------------------------------------------------------------
// S22 = S06 before the CAR-T (as of 2021-08-01): three lines, KCd the last, progressed on — a KarMMa-3 candidate
patients.push({
  id: 'S22', story: 'S06 history up to KCd PD (FHIR-like stops without end)', asOf: '2021-08-01', events: S06_EVENTS,
  facts: [
    { id: 'lines', clause: '§3 rule 1/step 2: DPd and KCd each one regimen (drugs of one day)', read: (p) => p.linesOfTherapy.count, expected: 3 },
    { id: 'KarMMa3', clause: 'KarMMa-3: 3 prior lines, TCE, refractory to last line (KCd), dara exposed', read: (p, a) => verdict(KARMMA3, p, a), expected: 'ELIGIBLE' },
  ],
});

// S19b: as S19 but the regimen sent as one record 'DRd' (stopped for progression, no end)
patients.push({
  id: 'S19b', story: 'DRd as one record, stopped for progression, end not recorded', asOf: '2022-05-01',
  events: [
    diagnosis('2020-01-02', 'IgG', 'kappa'),
    med('DRd', '2020-01-10', null, { reasonStopped: 'progression' }),
    response('2020-03-10', 'PR'), response('2020-06-10', 'VGPR'), response('2020-09-10', 'VGPR'), response('2022-04-01', 'PD'),
  ],
  facts: [{ id: 'lines', clause: '§3', read: (p) => p.linesOfTherapy.count, expected: 1 }],
});

// S16b: as S16 but the bridging Kd begins 78 days before the infusion
patients.push({
  id: 'S16b', story: 'S16 with bridging started 2022-06-15', asOf: '2023-03-01',
  events: [
    diagnosis('2018-04-20', 'IgG', 'kappa'),
    ...meds(['daratumumab', 'lenalidomide', 'dexamethasone'], '2018-05-01', '2021-02-01', { reasonStopped: 'progression' }),
    response('2018-09-01', 'VGPR'), response('2018-10-01', 'VGPR'), response('2021-01-20', 'PD'),
    med('PVd', '2021-02-15', '2022-03-01', { reasonStopped: 'progression' }),
    response('2021-04-01', 'PR'), response('2021-05-03', 'PR'), response('2022-02-15', 'PD'),
    apheresis('2022-06-10'),
    ...meds(['carfilzomib', 'dexamethasone'], '2022-06-15', '2022-08-15', { intent: 'bridging' }),
    ...meds(['fludarabine', 'cyclophosphamide'], '2022-08-27', '2022-08-29', { intent: 'lymphodepletion' }),
    carT('2022-09-01', 'cilta-cel'),
    response('2022-10-01', 'PR'), response('2022-10-16', 'PD'),
    med('talquetamab', '2022-11-01', null),
    response('2023-01-03', 'VGPR'), response('2023-02-01', 'VGPR'),
  ],
  facts: [{ id: 'lines', clause: '§3 step 5: bridging part of the CAR-T line', read: (p) => p.linesOfTherapy.count, expected: 4 }],
});

// ---------------------------------------------------------------------------------------------------------------
const cache = new Map<string, P>();
const profileOf = (pt: Patient, asOf: string) => {
  const k = `${pt.id}@${asOf}`;
  if (!cache.has(k)) cache.set(k, buildProfile(pt.events, asOf));
  return cache.get(k)!;
};

if (process.env.DUMP) { it("dump", () => { for (const id of (process.env.DUMP as string).split(",")) { const pt = patients.find((x) => x.id === id)!; const p = buildProfile(pt.events, pt.asOf); console.log(id, JSON.stringify(p.linesOfTherapy.lines.map((l) => ({ n: l.number, start: l.start, end: l.end, g: l.generics.join("+"), by: l.openedBy, why: l.reasonForChange, flags: l.reviewFlags })), null, 1), JSON.stringify(p.disease.progressions.map((x) => [x.source, x.date]))); } }); }
for (const pt of patients) {
  describe(`${pt.id} ${pt.story}`, () => {
    for (const f of pt.facts) {
      it(`${pt.id}.${f.id} — ${f.clause}`, () => {
        const asOf = f.asOf ?? pt.asOf;
        expect(f.read(profileOf(pt, asOf), asOf)).toEqual(f.expected);
      });
    }
  });
}
