/**
 * Hand-derived histories (domain.md §1 IMWG 2011 refractory, relapsed-and-refractory, primary refractory, relapsed; §4
 * IMWG 2016 progression; earlyProgressionDays 14, refractory window 60 days), from a review of the classing of a
 * patient by the latest progression. Serum M-protein progression: ≥25% and ≥0.5 g/dL above the confirmed nadir
 * (the higher of two consecutive values), confirmed by the next value, dated at the first. Contestable readings are
 * asserted as the project reads them, each with a comment.
 */
import { compileRule } from '../eligibility/compile';
import { buildProfile } from './profile';
import { carT, event, lab, med, response, sct } from '../testing/events';

type Ev = ReturnType<typeof med>;
type Outcome = 'MET' | 'NOT_MET' | 'UNKNOWN';
interface TS { maxDays?: number; minDays?: number; asOf?: string; want: Outcome }
interface Case {
  id: string;
  desc: string;
  events: Ev[];
  asOf?: string;
  drugs?: Record<string, boolean>;
  flags?: Partial<Record<'primaryRefractory' | 'relapsedAndRefractory' | 'relapsed' | 'refractoryToLastLine', boolean>>;
  pd?: string | null;
  pal?: Outcome;
  ts?: TS[];
}
const serum = (d: string, v: number) => lab(d, 'm-protein', v, 'g/dL');
const urine = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/(24.h)');
const kappa = (d: string, v: number) => lab(d, 'free kappa', v, 'mg/L');
const lambda = (d: string, v: number) => lab(d, 'free lambda', v, 'mg/L');
const flc = (d: string, k: number) => [serum(d, 0), urine(d, 0), kappa(d, k), lambda(d, 10)];
const B = 'bortezomib', L = 'lenalidomide', K = 'carfilzomib', P = 'pomalidomide', D = 'dexamethasone', DARA = 'daratumumab', CILTA = 'ciltacabtagene autoleucel', TEC = 'teclistamab', MEL = 'melphalan';
const F = (pr: boolean, rr: boolean, rel: boolean, rtll?: boolean) => ({ primaryRefractory: pr, relapsedAndRefractory: rr, relapsed: rel, ...(rtll === undefined ? {} : { refractoryToLastLine: rtll }) });

// Shared histories
const N01ev = [med('VRd', '2023-01-10', null), serum('2023-01-05', 3), serum('2023-04-01', 1.2), serum('2023-05-01', 1.1), serum('2023-07-01', 1.5), serum('2023-08-01', 1.8), serum('2023-09-01', 1.9)];
const N03ev = [med('VRd', '2023-01-10', '2023-07-01', { reasonStopped: 'completed' }), serum('2023-01-05', 3), serum('2023-03-01', 1.2), serum('2023-05-01', 1.0), serum('2023-06-15', 1.0),
  serum('2023-08-15', 1.3), serum('2023-09-15', 1.45), serum('2023-10-15', 1.55), serum('2023-11-15', 1.6)];
const N06ev = [med('VRd', '2023-01-10', '2023-05-15'), serum('2023-01-05', 3), serum('2023-03-10', 2.6), serum('2023-04-10', 2.5), serum('2023-05-10', 2.5),
  med('KPd', '2023-05-20', null), serum('2023-06-20', 2.4), serum('2023-07-20', 2.3), serum('2023-08-20', 3.1), serum('2023-09-20', 3.3)];
const N06evStopped = [med('VRd', '2023-01-10', '2023-05-15'), serum('2023-01-05', 3), serum('2023-03-10', 2.6), serum('2023-04-10', 2.5), serum('2023-05-10', 2.5),
  med('KPd', '2023-05-20', '2023-09-25', { reasonStopped: 'progression' }), serum('2023-06-20', 2.4), serum('2023-07-20', 2.3), serum('2023-08-20', 3.1), serum('2023-09-20', 3.3)];
const N07ev = [...N06evStopped, med('DVd', '2023-10-01', null), serum('2023-11-01', 1.5), serum('2023-12-01', 1.2)];
const N13ev = [med('Rd', '2020-01-10', '2021-01-10', { reasonStopped: 'completed' }), response('2020-06-01', 'VGPR'), response('2022-03-01', 'PD'), med('Rd', '2022-04-01', null), response('2022-07-01', 'PR'), response('2022-10-01', 'PR')];
const N18base = [med('VRd', '2020-01-10', '2020-07-01', { reasonStopped: 'completed' }), response('2020-04-01', 'VGPR'), med('DPd', '2021-06-01', '2023-03-01', { reasonStopped: 'progression' }), response('2021-09-01', 'VGPR'), response('2023-02-15', 'PD'), med('teclistamab', '2023-03-10', null)];
const N26base = [med('VRd', '2018-01-10', '2018-07-01', { reasonStopped: 'completed' }), response('2018-04-01', 'VGPR'), response('2019-06-01', 'PD'),
  med('DRd', '2019-06-15', '2021-01-20', { reasonStopped: 'progression' }), response('2019-10-01', 'VGPR'), response('2021-01-15', 'PD'),
  med('KPd', '2021-02-01', '2022-01-01', { reasonStopped: 'toxicity' }), response('2021-05-01', 'PR'), response('2021-08-01', 'PR'), response('2022-06-01', 'PD'),
  med('teclistamab', '2022-06-20', null)];
const N23ev = [med('VRd', '2023-01-10', null), serum('2023-01-05', 3), serum('2023-04-01', 1), serum('2023-05-01', 1), serum('2023-08-01', 1.6), serum('2023-09-01', 1.7), response('2023-11-01', 'PD')];

const CASES: Case[] = [
  { id: 'N01', desc: 'labs only: PR on VRd (3.0 -> 1.2/1.1), confirmed rise 1.8/1.9 on VRd (1.5 is +25% but only +0.3)',
    events: N01ev, drugs: { [B]: true, [L]: true, [D]: true }, flags: F(false, true, false, true), pd: '2023-08-01', pal: 'MET',
    ts: [{ maxDays: 60, asOf: '2023-09-30', want: 'MET' }, { maxDays: 60, asOf: '2023-10-01', want: 'NOT_MET' }, { minDays: 60, asOf: '2023-09-30', want: 'MET' }, { minDays: 61, asOf: '2023-09-30', want: 'NOT_MET' }] },
  { id: 'N02', desc: 'labs only, Rd ongoing: a single low value 0.6 does not lower the nadir (1.0); 1.1/1.2 is no progression',
    events: [med('Rd', '2022-01-10', null), serum('2022-01-05', 3), serum('2022-03-01', 1), serum('2022-04-01', 1), serum('2022-05-01', 0.6), serum('2022-06-01', 1.1), serum('2022-07-01', 1.2), serum('2022-08-01', 1.1)],
    asOf: '2022-09-01', drugs: { [L]: false }, flags: F(false, false, false, false), pd: null, pal: 'NOT_MET', ts: [{ maxDays: 365, want: 'NOT_MET' }] },
  { id: 'N03', desc: 'drug-free interval, slow rise: nadir 1.0, 1.3 / 1.45 not yet +0.5, 1.55/1.6 confirmed 106 d after last dose: relapsed',
    events: N03ev, drugs: { [B]: false, [L]: false }, flags: F(false, false, true, false), pd: '2023-10-15', pal: 'MET' },
  { id: 'N04', desc: 'N03 then Kd 2023-12-01 with MR->PR by labs: still relapsed (latest progression off therapy)',
    events: [...N03ev, med('Kd', '2023-12-01', null), serum('2024-01-15', 1.0), serum('2024-02-15', 0.7)],
    drugs: { [B]: false, [L]: false, [K]: false }, flags: F(false, false, true, false), pd: '2023-10-15', pal: 'NOT_MET' },
  { id: 'N05', desc: 'labs only: PD on Rd (1.0 -> 1.6/1.8), KPd from 1.8 baseline, rise continues 2.4/2.6 at day 56: new progression on KPd',
    events: [med('Rd', '2022-01-10', '2023-03-20', { reasonStopped: 'progression' }), serum('2022-01-05', 3), serum('2022-04-01', 1.2), serum('2022-05-01', 1.0), serum('2022-12-01', 1.0), serum('2023-02-01', 1.6), serum('2023-03-01', 1.8),
      med('KPd', '2023-03-25', null), serum('2023-04-20', 2.0), serum('2023-05-20', 2.4), serum('2023-06-20', 2.6)],
    drugs: { [L]: true, [K]: true, [P]: true }, flags: F(false, true, false, true), pd: '2023-05-20', pal: 'MET' },
  { id: 'N06', desc: 'labs only: SD on VRd (3.0 -> 2.5), KPd SD then PD (nadir 2.4 -> 3.1/3.3): primary refractory over two lines',
    events: N06ev, drugs: { [B]: true, [L]: true, [K]: true, [P]: true }, flags: F(true, false, false, true), pd: '2023-08-20', pal: 'MET' },
  { id: 'N07', desc: 'N06 then DVd with PR by labs (response only after the latest progression): strict reading: no class applies',
    events: N07ev, drugs: { [B]: true, [K]: true, [DARA]: false }, flags: F(false, false, false, false), pd: '2023-08-20', pal: 'NOT_MET' },
  { id: 'N08', desc: 'labs only: confirmed MR (30-33%) on VRd, off-therapy rise 2.7/2.8 from nadir 2.1, 122 d after last dose: relapsed, not primary refractory',
    events: [med('VRd', '2023-01-10', '2023-06-01', { reasonStopped: 'completed' }), serum('2023-01-05', 3), serum('2023-03-15', 2.1), serum('2023-04-15', 2.0), serum('2023-05-15', 2.1), serum('2023-08-15', 2.3), serum('2023-10-01', 2.7), serum('2023-11-01', 2.8)],
    drugs: { [B]: false, [L]: false }, flags: F(false, false, true, false), pd: '2023-10-01', pal: 'MET' },
  { id: 'N09', desc: 'labs only: SD (20%) on VRd, off-therapy PD 122 d after: primary refractory (nonresponsive, never MR)',
    events: [med('VRd', '2023-01-10', '2023-06-01', { reasonStopped: 'completed' }), serum('2023-01-05', 3), serum('2023-03-15', 2.5), serum('2023-04-15', 2.4), serum('2023-05-15', 2.4), serum('2023-10-01', 3.1), serum('2023-11-01', 3.2)],
    drugs: { [B]: true, [L]: true }, flags: F(true, false, false, true), pd: '2023-10-01', pal: 'MET' },
  { id: 'N10', desc: 'labs only: one unconfirmed MR value between SDs (2.5, 2.1, 2.5): never MR; PD 3.2/3.3 off therapy: primary refractory',
    events: [med('VRd', '2023-01-10', '2023-06-01', { reasonStopped: 'completed' }), serum('2023-01-05', 3), serum('2023-03-15', 2.5), serum('2023-04-15', 2.1), serum('2023-05-15', 2.5), serum('2023-10-01', 3.2), serum('2023-11-01', 3.3)],
    drugs: { [B]: true, [L]: true }, flags: F(true, false, false, true), pd: '2023-10-01', pal: 'MET' },
  { id: 'N11', desc: 'VRd VGPR, ASCT 2022-06-15, no maintenance, PD 47 d after ASCT (92 d after VRd): IMWG PD within 60 d of last therapy -> RR',
    events: [med('VRd', '2022-01-10', '2022-05-01', { reasonStopped: 'completed' }), response('2022-05-01', 'VGPR'), sct('2022-06-15'), response('2022-08-01', 'PD')],
    // refractoryToLastLine reads the drugs' refractoriness, and a transplant is no drug: not asserted.
    drugs: { [B]: false, [L]: false }, flags: F(false, true, false), pd: '2022-08-01', pal: 'MET' },
  { id: 'N11b', desc: 'N11 with high-dose melphalan conditioning recorded (2022-06-13/14): melphalan refractory, RR',
    events: [med('VRd', '2022-01-10', '2022-05-01', { reasonStopped: 'completed' }), response('2022-05-01', 'VGPR'), med('melphalan', '2022-06-13', '2022-06-14', { intent: 'conditioning' }), sct('2022-06-15'), response('2022-08-01', 'PD')],
    // Conditioning is never judged for refractoriness (the project's reading: NOT_FOR_REFRACTORINESS); the flag still reads it as the last therapy.
    drugs: { [B]: false, [L]: false, [MEL]: false }, flags: F(false, true, false), pd: '2022-08-01', pal: 'MET' },
  { id: 'N11c', desc: 'N11 with PD 78 d after ASCT: relapsed',
    events: [med('VRd', '2022-01-10', '2022-05-01', { reasonStopped: 'completed' }), response('2022-05-01', 'VGPR'), sct('2022-06-15'), response('2022-09-01', 'PD')],
    drugs: { [B]: false, [L]: false }, flags: F(false, false, true, false), pd: '2022-09-01', pal: 'MET' },
  { id: 'N12', desc: 'labs only: VRd -> ASCT -> R maintenance, nadir 0.2 (confirmed), 0.3, 0.5, then 0.7/0.8 (+0.5 exactly) on maintenance',
    events: [med('VRd', '2022-01-10', '2022-05-01'), sct('2022-06-01'), med('lenalidomide', '2022-08-01', null, { intent: 'maintenance' }),
      serum('2022-01-05', 2.0), serum('2022-03-01', 0.6), serum('2022-04-15', 0.4), serum('2022-07-15', 0.2), serum('2022-09-15', 0.2), serum('2023-01-15', 0.3), serum('2023-04-15', 0.5), serum('2023-07-15', 0.7), serum('2023-08-15', 0.8)],
    drugs: { [L]: true, [B]: false }, flags: F(false, true, false, true), pd: '2023-07-15', pal: 'MET' },
  { id: 'N13', desc: 'Rd completed, off-therapy PD after 14 mo, re-treatment with Rd (new line) responding: relapsed',
    events: N13ev, drugs: { [L]: false, [D]: false }, flags: F(false, false, true, false), pd: '2022-03-01', pal: 'NOT_MET' },
  { id: 'N14', desc: 'N13 then PD on the re-treatment Rd: RR, lenalidomide refractory (line 2)',
    events: [...N13ev, response('2023-05-01', 'PD')], drugs: { [L]: true }, flags: F(false, true, false, true), pd: '2023-05-01', pal: 'MET' },
  { id: 'N15', desc: 'PD on Rd, PR again on continued Rd, Rd completed, PD 9 mo off therapy, KPd PR: latest progression off therapy -> relapsed (len still refractory per drug)',
    events: [med('Rd', '2021-01-10', '2022-12-01', { reasonStopped: 'completed' }), response('2021-06-01', 'PR'), response('2022-01-15', 'PD'), response('2022-05-01', 'PR'), response('2022-08-01', 'PR'), response('2023-09-01', 'PD'),
      med('KPd', '2023-10-01', null), response('2024-01-01', 'PR'), response('2024-02-01', 'PR')],
    drugs: { [L]: true, [K]: false }, flags: F(false, false, true, false), pd: '2023-09-01', pal: 'NOT_MET' },
  { id: 'N16', desc: 'VRd, Kd (PD on Kd), cilta-cel with CR, PD 19 mo after infusion, nothing after: relapsed; Kd refractory',
    events: [med('VRd', '2019-01-10', '2019-07-01', { reasonStopped: 'completed' }), response('2019-04-01', 'VGPR'), med('Kd', '2020-06-01', '2021-03-10', { reasonStopped: 'progression' }), response('2020-09-01', 'PR'), response('2021-03-01', 'PD'),
      carT('2021-06-01', 'cilta-cel'), response('2021-09-01', 'CR'), response('2021-12-01', 'CR'), response('2023-01-15', 'PD')],
    drugs: { [K]: true, [CILTA]: false, [B]: false }, flags: F(false, false, true, false), pd: '2023-01-15', pal: 'MET' },
  { id: 'N17', desc: 'labs only: PD on Pd after PR, cilta-cel without response, rise 2.0 -> 2.6/2.8 three months after infusion',
    events: [med('VRd', '2019-01-10', '2019-07-01', { reasonStopped: 'completed' }), response('2019-04-01', 'VGPR'),
      med('Pd', '2020-06-01', '2021-04-15', { reasonStopped: 'progression' }), serum('2020-05-25', 2.0), serum('2020-08-01', 0.8), serum('2020-09-01', 0.8), serum('2021-02-01', 1.4), serum('2021-03-01', 1.6), serum('2021-05-25', 2.0),
      carT('2021-06-01', 'cilta-cel'), serum('2021-07-01', 2.1), serum('2021-08-01', 2.2), serum('2021-09-01', 2.6), serum('2021-10-01', 2.8)],
    drugs: { [P]: true, [CILTA]: true, [B]: false }, flags: F(false, true, false, true), pd: '2021-09-01', pal: 'MET' },
  { id: 'N18', desc: 'PD on DPd after VGPR, teclistamab ongoing with PR/VGPR: stays RR (classed by latest progression)',
    events: [...N18base, response('2023-05-01', 'PR'), response('2023-06-01', 'VGPR')],
    drugs: { [DARA]: true, [P]: true, [TEC]: false, [B]: false }, flags: F(false, true, false, false), pd: '2023-02-15', pal: 'NOT_MET' },
  { id: 'N19', desc: 'N18 but teclistamab SD at day 31, 66, 97 (nonresponsive past 56 d, no PD on it): tec refractory, RR',
    events: [...N18base, response('2023-04-10', 'SD'), response('2023-05-15', 'SD'), response('2023-06-15', 'SD')],
    drugs: { [DARA]: true, [TEC]: true }, flags: F(false, true, false, true), pd: '2023-02-15', pal: 'NOT_MET' },
  { id: 'N20', desc: 'N18 as of 10 d into teclistamab, no assessment since: RR; progressionAfterLastLine unknown',
    events: N18base, asOf: '2023-03-20', drugs: { [DARA]: true }, flags: F(false, true, false), pd: '2023-02-15', pal: 'UNKNOWN',
    ts: [{ maxDays: 30, want: 'NOT_MET' }, { maxDays: 33, want: 'MET' }] },
  { id: 'N21', desc: 'never treated, stable labs', events: [serum('2024-01-01', 1.2), serum('2024-04-01', 1.3), serum('2024-07-01', 1.25)], asOf: '2024-08-01',
    // Contestable: with no treatment history and no computed assessment the rule leaves time since progression unknown.
    flags: F(false, false, false, false), pd: null, pal: 'UNKNOWN', ts: [{ maxDays: 90, want: 'UNKNOWN' }, { minDays: 30, want: 'UNKNOWN' }] },
  { id: 'N22', desc: 'never treated, nothing but a diagnosis', events: [event('diagnosis', '2024-01-01', { isotype: { heavyChain: 'IgG', lightChain: 'kappa' } })], asOf: '2024-08-01',
    flags: F(false, false, false, false), pd: null, pal: 'UNKNOWN', ts: [{ maxDays: 90, want: 'UNKNOWN' }] },
  { id: 'N23', desc: 'confirmed rise on VRd 2023-08-01, PD reported 2023-11-01: timeSince reads when it began',
    events: N23ev, asOf: '2023-12-01', drugs: { [B]: true }, flags: F(false, true, false, true), pd: '2023-08-01', pal: 'MET',
    ts: [{ maxDays: 60, want: 'NOT_MET' }, { maxDays: 150, want: 'MET' }, { minDays: 100, want: 'MET' }] },
  { id: 'N24', desc: 'N23 as of 2023-08-15: a rise awaiting confirmation (contestable: no progression yet; "within 60 d" unknown?)',
    // Contestable: an unconfirmed rise is no progression yet, so "progression within 60 days" is not met.
    events: N23ev, asOf: '2023-08-15', pd: null, ts: [{ maxDays: 60, want: 'NOT_MET' }] },
  { id: 'N26', desc: '4 lines: off-therapy relapse, PD on DRd, KPd stopped for toxicity, PD 5 mo off therapy, teclistamab, PD re-documented day 7',
    events: [...N26base, response('2022-06-27', 'PD')],
    drugs: { [L]: true, [DARA]: true, [K]: false, [P]: false, [B]: false, [TEC]: false }, flags: F(false, false, true, false), pd: '2022-06-01', pal: 'UNKNOWN',
    ts: [{ maxDays: 30, asOf: '2022-07-10', want: 'NOT_MET' }, { maxDays: 40, asOf: '2022-07-10', want: 'MET' }] },
  { id: 'N27', desc: 'N26 but PD on teclistamab day 30, no response: RR, tec refractory',
    events: [...N26base, response('2022-07-20', 'PD')],
    drugs: { [L]: true, [DARA]: true, [K]: false, [TEC]: true }, flags: F(false, true, false, true), pd: '2022-07-20', pal: 'MET' },
  { id: 'N28', desc: 'light chain only (dFLC): PR, off therapy +10 mg/dL exactly (not >10), then +12 mg/dL confirmed 123 d after last dose: relapsed',
    events: [med('VRd', '2023-01-10', '2023-07-01', { reasonStopped: 'completed' }), ...flc('2023-01-05', 800), ...flc('2023-04-01', 200), ...flc('2023-05-01', 150),
      ...flc('2023-10-01', 290), ...flc('2023-11-01', 320), ...flc('2023-12-01', 350)],
    drugs: { [B]: false, [L]: false }, flags: F(false, false, true, false), pd: '2023-11-01', pal: 'MET' },
  { id: 'N29', desc: 'N07 then DVd completed after PR, PD 5 mo off therapy: relapsed (MR reached before it)',
    events: [...N07ev.map((e) => (e.data.drug === 'DVd' ? med('DVd', '2023-10-01', '2024-03-01', { reasonStopped: 'completed' }) : e)), response('2024-08-01', 'PD')],
    drugs: { [B]: true, [DARA]: false }, flags: F(false, false, true, false), pd: '2024-08-01', pal: 'MET' },
  { id: 'N15b', desc: 'late responder on KPd (SD at day 64, then PR), completed, PD 8 mo off therapy, Pd with PR: relapsed',
    events: [med('VRd', '2021-01-10', '2021-07-01', { reasonStopped: 'completed' }), response('2021-04-01', 'VGPR'), response('2022-01-01', 'PD'),
      med('KPd', '2022-01-20', '2022-09-01', { reasonStopped: 'completed' }), response('2022-03-25', 'SD'), response('2022-05-01', 'PR'), response('2022-06-01', 'PR'), response('2023-05-01', 'PD'),
      med('Pd', '2023-05-20', null), response('2023-08-01', 'PR'), response('2023-09-01', 'PR')],
    drugs: { [K]: false, [P]: false, [B]: false }, flags: F(false, false, true, false), pd: '2023-05-01', pal: 'NOT_MET' },
  { id: 'N30', desc: 'cilta-cel with PR at day 30, PD at day 49 after the infusion: IMWG PD within 60 d of last therapy -> refractory, RR',
    events: [med('VRd', '2019-01-10', '2019-07-01', { reasonStopped: 'completed' }), response('2019-04-01', 'VGPR'), med('Kd', '2020-06-01', '2021-03-10', { reasonStopped: 'progression' }), response('2020-09-01', 'PR'), response('2021-03-01', 'PD'),
      carT('2021-06-01', 'cilta-cel'), response('2021-07-01', 'PR'), response('2021-07-20', 'PD')],
    // The infusion is the CAR-T's last dose: a progression 49 days after it is within 60 days, whatever the response in
    // between (v13; before, only a progression without response made a CAR-T refractory). The flag reads it so too.
    drugs: { [CILTA]: true, [K]: true }, flags: F(false, true, false), pd: '2021-07-20', pal: 'MET' },
  { id: 'N31', desc: 'PD on Rd, MR reported, PD again on Rd: separated by the reported MR',
    events: [med('Rd', '2022-01-10', null), response('2022-03-01', 'PR'), response('2022-06-01', 'PD'), response('2022-09-01', 'MR'), response('2023-03-01', 'PD')],
    drugs: { [L]: true }, flags: F(false, true, false, true), pd: '2023-03-01', pal: 'MET' },
  { id: 'N32', desc: 'PD reported on Rd with serum 1.6 that day, serum 1.1/1.1 (down 31% twice), PD again (serum 1.8/1.9): separated by the measured fall',
    events: [med('Rd', '2022-01-10', null), serum('2022-01-05', 3), serum('2022-04-01', 1), serum('2022-05-01', 1), response('2022-05-01', 'PR'), serum('2022-06-01', 1.6), response('2022-06-01', 'PD'),
      serum('2022-08-01', 1.1), serum('2022-09-01', 1.1), serum('2023-03-01', 1.8), response('2023-03-01', 'PD'), serum('2023-04-01', 1.9)],
    drugs: { [L]: true }, flags: F(false, true, false, true), pd: '2023-03-01', pal: 'MET' },
  { id: 'N32b', desc: 'as N32 but the fall is one value (1.1 then 1.5): one progression, dated 2022-06-01',
    events: [med('Rd', '2022-01-10', null), serum('2022-01-05', 3), serum('2022-04-01', 1), serum('2022-05-01', 1), response('2022-05-01', 'PR'), serum('2022-06-01', 1.6), response('2022-06-01', 'PD'),
      serum('2022-08-01', 1.1), serum('2022-09-01', 1.5), serum('2023-03-01', 1.8), response('2023-03-01', 'PD'), serum('2023-04-01', 1.9)],
    drugs: { [L]: true }, flags: F(false, true, false, true), pd: '2022-06-01', pal: 'MET' },
  { id: 'N33', desc: 'SD on VRd (nonresponsive), PD off therapy 122 d later, KPd with PR (MR only after the latest progression): not relapsed (the progression was not from a response)',
    events: [med('VRd', '2023-01-10', '2023-06-01', { reasonStopped: 'completed' }), serum('2023-01-05', 3), serum('2023-03-15', 2.5), serum('2023-04-15', 2.4), serum('2023-05-15', 2.4), serum('2023-10-01', 3.1), serum('2023-11-01', 3.2),
      med('KPd', '2023-11-15', null), serum('2024-01-01', 1.4), serum('2024-02-01', 1.2)],
    // Contestable: "relapsed" asks for MR or better at some point (here on the salvage, after the progression); at that
    // progression the patient was primary refractory, strictly no class applies now.
    drugs: { [B]: true, [K]: false }, flags: F(false, false, true, false), pd: '2023-10-01', pal: 'NOT_MET' },
  { id: 'N34', desc: 'VGPR on VRd, off-therapy PD, DVd SD only (nonresponsive salvage), completed, PD 7 mo off therapy, Pd PR: IMWG RR (nonresponsive on salvage after MR)',
    events: [med('VRd', '2020-01-10', '2020-07-01', { reasonStopped: 'completed' }), response('2020-04-01', 'VGPR'), response('2021-03-01', 'PD'),
      med('DVd', '2021-03-20', '2021-08-01', { reasonStopped: 'completed' }), response('2021-05-20', 'SD'), response('2021-07-01', 'SD'), response('2022-03-01', 'PD'),
      med('Pd', '2022-03-20', null), response('2022-06-01', 'PR'), response('2022-07-01', 'PR')],
    drugs: { [DARA]: true, [P]: false }, flags: F(false, true, false, false), pd: '2022-03-01', pal: 'NOT_MET' },
  { id: 'N35', desc: 'PD on Pd, bridging Kd, PD on bridging (day 25), cilta-cel CR: PD on the CAR-T line (bridging part of it, convention)',
    events: [med('VRd', '2019-01-10', '2019-07-01', { reasonStopped: 'completed' }), response('2019-04-01', 'VGPR'), med('Pd', '2020-06-01', '2021-03-20', { reasonStopped: 'progression' }), response('2020-09-01', 'PR'), response('2021-03-15', 'PD'),
      med('Kd', '2021-04-10', '2021-05-20', { intent: 'bridging' }), response('2021-05-05', 'PD'), carT('2021-06-01', 'cilta-cel'), response('2021-09-01', 'CR'), response('2021-12-01', 'CR')],
    // Not refractory to the last line: the CAR-T line reached CR after its bridging failed (v17, stat35 CT05); still
    // relapsed and refractory by its latest progression, on the bridging.
    asOf: '2022-06-01', drugs: { [K]: true, [P]: true, [CILTA]: false }, flags: F(false, true, false, false), pd: '2021-05-05', pal: 'MET' },
  { id: 'N36', desc: 'VRd VGPR, ASCT, R maintenance started 2022-09-01, PD reported day 4 of maintenance: IMWG PD on therapy -> len refractory, RR',
    events: [med('VRd', '2022-01-10', '2022-05-01'), response('2022-05-01', 'VGPR'), sct('2022-06-01'), med('lenalidomide', '2022-09-01', null, { intent: 'maintenance' }), response('2022-09-05', 'PD')],
    drugs: { [L]: true, [B]: false }, flags: F(false, true, false, true), pd: '2022-09-05', pal: 'MET' },
  { id: 'N37', desc: 'N35, then PD 2 y after the CAR-T CR (off therapy), teclistamab with VGPR: latest progression off therapy -> relapsed',
    events: [med('VRd', '2019-01-10', '2019-07-01', { reasonStopped: 'completed' }), response('2019-04-01', 'VGPR'), med('Pd', '2020-06-01', '2021-03-20', { reasonStopped: 'progression' }), response('2020-09-01', 'PR'), response('2021-03-15', 'PD'),
      med('Kd', '2021-04-10', '2021-05-20', { intent: 'bridging' }), response('2021-05-05', 'PD'), carT('2021-06-01', 'cilta-cel'), response('2021-09-01', 'CR'), response('2021-12-01', 'CR'),
      response('2023-08-01', 'PD'), med('teclistamab', '2023-08-20', null), response('2023-11-01', 'VGPR'), response('2023-12-01', 'VGPR')],
    drugs: { [K]: true, [CILTA]: false, [TEC]: false }, flags: F(false, false, true, false), pd: '2023-08-01', pal: 'NOT_MET' },
  { id: 'N38', desc: 'off-therapy PD reported, KPd started, only a serum value on day 3 of KPd since: no assessment on KPd that could show progression on it',
    events: [med('VRd', '2023-01-10', '2023-07-01', { reasonStopped: 'completed' }), response('2023-04-01', 'VGPR'), response('2024-02-01', 'PD'), serum('2024-02-01', 1.5), med('KPd', '2024-02-20', null), serum('2024-02-23', 1.6)],
    drugs: { [K]: false, [B]: false }, flags: F(false, false, true, false), pd: '2024-02-01', pal: 'UNKNOWN' },
];

const AS_OF = '2025-06-01';
const afterLastLine = compileRule({ fact: 'progressionAfterLastLine' });

describe('the latest progression: relapsed, relapsed-and-refractory, primary refractory, progressionDate, progression after the last line, time since progression', () => {
  it.each(CASES.map((c) => [c.id, c.desc, c] as const))('%s %s', (_id, _d, c) => {
    const asOf = c.asOf ?? AS_OF;
    const p = buildProfile(c.events, asOf);
    const flags = p.flags as unknown as Record<string, boolean>;
    const tsOut = (c.ts ?? []).map((t) => {
      const a = t.asOf ?? asOf;
      const q = t.asOf ? buildProfile(c.events, a) : p;
      const rule = compileRule({ fact: 'timeSince', event: 'progression', ...(t.maxDays !== undefined ? { maxDays: t.maxDays } : {}), ...(t.minDays !== undefined ? { minDays: t.minDays } : {}) });
      return rule({ profile: q, asOf: a, trace: null }).outcome;
    });
    const got = {
      drugs: Object.fromEntries(Object.keys(c.drugs ?? {}).map((g) => [g, p.drugs[g]?.refractory ?? 'absent'])),
      flags: Object.fromEntries(Object.keys(c.flags ?? {}).map((k) => [k, flags[k]])),
      ...(c.pd !== undefined ? { pd: p.disease.progressionDate } : {}),
      ...(c.pal !== undefined ? { pal: afterLastLine({ profile: p, asOf, trace: null }).outcome } : {}),
      ts: tsOut,
    };
    expect(got).toEqual({ drugs: c.drugs ?? {}, flags: c.flags ?? {}, ...(c.pd !== undefined ? { pd: c.pd } : {}), ...(c.pal !== undefined ? { pal: c.pal } : {}), ts: (c.ts ?? []).map((t) => t.want) });
  });
});
