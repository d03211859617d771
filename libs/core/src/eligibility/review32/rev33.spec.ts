/** rev33 — review of 77f1688 (and 52f3cbd where it builds on it). Scratch; not committed. */
import { carT, demographics, diagnosis, event, lab, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const prof = (evs: Ev[], s = DEFAULT_SETTINGS) => buildProfile(evs, AS_OF, s);
const outcome = (rule: unknown, evs: Ev[]) => compileRule(rule)({ profile: prof(evs), asOf: AS_OF, trace: null }).outcome;
const male = demographics('1960-01-01', 'male', 80);

describe('rev33', () => {
  // A01/A02 (v16): a course stopped for progression without its end is given "up to the next line at most".
  // A CAR-T infusion (a line of its own) years later is that next line: a progression 17 months after the infusion
  // is off therapy, so relapsed (after CR), not relapsed-and-refractory.
  it('X01 stoppedOn ignores a later CAR-T line: late relapse after CAR-T is relapsed', () => {
    const evs = [
      diagnosis('2019-06-01', 'IgG', 'kappa'),
      med('Rd', '2020-01-01', null, { reasonStopped: 'progression' }),
      response('2020-03-01', 'PR'),
      response('2020-09-01', 'PD'),
      carT('2021-01-15', 'ciltacabtagene autoleucel'),
      response('2021-04-15', 'CR'),
      response('2021-07-15', 'CR'),
      response('2022-06-15', 'PD'),
    ];
    const p = prof(evs);
    expect({ rr: p.flags.relapsedAndRefractory, r: p.flags.relapsed, lines: p.linesOfTherapy.count }).toEqual({ rr: false, r: true, lines: 2 });
  });

  // Minimum exposure (MAMMOTH-style, every drug): a course stopped for progression with no end is "given up to the next
  // line at most" — its length is not known, so a progression on day 20 cannot show 28 days on the drug.
  it('X02 endUnknown course: minimum exposure taken as met (until = next line / asOf)', () => {
    const s = { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28, minExposureClasses: null };
    const evs = [
      diagnosis('2019-06-01', 'IgG', 'kappa'),
      med('lenalidomide', '2020-01-01', null, { reasonStopped: 'progression' }),
      response('2020-01-20', 'PD'),
      med('carfilzomib', '2020-06-01', null),
    ];
    const p = prof(evs, s);
    expect(p.drugs.lenalidomide!.refractory).toBe(false);
  });

  // v16 set-aside: docs/criteria-language.md creatinineClearance "(a later creatinine set aside too, v16 ...)";
  // the eGFR method computes CKD-EPI from the latest creatinine, so a later one set aside leaves it in doubt too.
  it('X03 eGFR (CKD-EPI from creatinine) ignores a later creatinine set aside', () => {
    const rule = { fact: 'creatinineClearance', op: '>=', value: 40, method: 'egfr' };
    expect(outcome(rule, [male, lab('2025-05-10', 'creatinine', 1.0, 'mg/dL')])).toBe('MET');
    expect(outcome(rule, [male, lab('2025-05-10', 'creatinine', 1.0, 'mg/dL'), lab('2025-05-20', 'creatinine', 900, 'mg/dL')])).toBe('UNKNOWN');
  });

  // Same day, later time: the set-aside value is the later one (the relapse indicators read the day's latest time).
  it('X04 a set-aside value later the same day is not seen', () => {
    const anc = { fact: 'lab', name: 'anc', op: '>=', value: 1.0, unit: '10*9/L' };
    expect(outcome(anc, [male, lab('2025-05-10T08:00:00Z', 'anc', 1.5, '10*9/L'), lab('2025-05-10T16:00:00Z', 'anc', 400, '10*9/L')])).toBe('UNKNOWN');
  });

  // v16 (52f3cbd): "relapsed is what is left"; clinical-core.md: a flag rule reads as unknown those of the three that
  // would differ had MR been reached or not ("never MR with therapy given is nonresponsive, so primary refractory").
  // A progression with no assessment at all: had MR never been reached it is primary refractory (not relapsed); had it
  // been, relapsed. primaryRefractory is undecided, but relapsed is asserted.
  it('X07 never-assessed patient: relapsed asserted while primaryRefractory is undecided', () => {
    const evs = [diagnosis('2019-06-01', 'IgG', 'kappa'), med('Rd', '2020-01-01', '2020-06-01'), event('imaging', '2021-06-01', { modality: 'PET-CT', newLesions: true })];
    const p = prof(evs);
    expect(p.disease.undecidedStatus).toContain('primaryRefractory');
    expect(p.disease.undecidedStatus).toContain('relapsed');
    expect(outcome({ fact: 'flag', name: 'relapsed' }, evs)).toBe('UNKNOWN');
  });

  // A course stopped for progression without its end (77f1688: "given up to the next line at most and progressed on
  // (refractory, not relapsed)"): with no separately recorded PD the drug is read as known NOT refractory.
  it('X08 stopped for progression, end unknown, no PD event: drugRefractory NOT_MET', () => {
    const evs = [diagnosis('2019-06-01', 'IgG', 'kappa'), med('lenalidomide', '2020-01-01', null, { reasonStopped: 'progression' }), response('2020-03-01', 'PR'), med('carfilzomib', '2020-09-01', null)];
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide' }, evs)).not.toBe('NOT_MET');
  });
});
