/** rev34 — review of e169128 / f28e690. Scratch; not committed. */
import { carT, demographics, diagnosis, event, lab, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-06-01';
const prof = (evs: Ev[], s = DEFAULT_SETTINGS) => buildProfile(evs, AS_OF, s);
const outcome = (rule: unknown, evs: Ev[]) => compileRule(rule)({ profile: prof(evs), asOf: AS_OF, trace: null }).outcome;
const male = demographics('1960-01-01', 'male', 80);
const MIN28 = { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28, minExposureClasses: null };

describe('rev34', () => {
  // T1: minimum exposure "counts only its known days": an Rd record with known end (Jan 1 – Mar 31, 91 days) and a
  // lenalidomide record of the same start stopped for progression without its end. 91 known days >= 28.
  it('T1a known days of the span: endUnknown record last (same start)', () => {
    const evs = [
      diagnosis('2019-06-01', 'IgG', 'kappa'),
      med('Rd', '2020-01-01', '2020-03-31', {}, ),
      med('lenalidomide', '2020-01-01', null, { reasonStopped: 'progression' }),
      response('2020-03-01', 'PR'),
      med('carfilzomib', '2020-06-01', null),
    ];
    expect(prof(evs, MIN28).drugs.lenalidomide!.refractory).toBe(true);
  });
  // T1b: same records, the event ids reversed (the lenalidomide record sorts first, the Rd record last): whether the
  // stop for progression counts then depends on which of two same-day records has the larger id.
  it('T1b stop-for-progression refractoriness does not depend on the event ids of same-day records', () => {
    const dx = diagnosis('2019-06-01', 'IgG', 'kappa');
    const tail = [response('2020-03-01', 'PR'), med('carfilzomib', '2020-06-01', null)];
    const rd = (id: string) => event('medication', '2020-01-01', { drug: 'Rd', start: '2020-01-01', end: '2020-03-31' }, id);
    const len = (id: string) => event('medication', '2020-01-01', { drug: 'lenalidomide', start: '2020-01-01', reasonStopped: 'progression' }, id);
    const a = prof([dx, rd('m1'), len('m2'), ...tail]).drugs.lenalidomide!.refractory;
    const b = prof([dx, len('m1'), rd('m2'), ...tail]).drugs.lenalidomide!.refractory;
    expect({ a, b }).toEqual({ a: true, b: true });
  });

  // T2: eGFR: "the more recent of a reported eGFR and the CKD-EPI estimate from the latest creatinine". A creatinine set
  // aside after the reported eGFR would have given the more recent estimate: the reported one may no longer be current.
  it('T2 reported eGFR with a later creatinine set aside', () => {
    const rule = { fact: 'creatinineClearance', op: '>=', value: 40, method: 'egfr' };
    const base = [male, lab('2025-05-01', 'creatinine', 1.0, 'mg/dL'), lab('2025-05-10', 'egfr', 80, 'mL/min/{1.73_m2}')];
    expect(outcome(rule, base)).toBe('MET');
    expect(outcome(rule, [...base, lab('2025-05-20', 'creatinine', 900, 'mg/dL')])).toBe('UNKNOWN');
  });
  // T3: a later reported eGFR set aside (a value no patient can have), as for `lab`.
  it('T3 reported eGFR with a later eGFR set aside', () => {
    const rule = { fact: 'creatinineClearance', op: '>=', value: 40, method: 'egfr' };
    expect(outcome(rule, [male, lab('2025-05-10', 'egfr', 80, 'mL/min/{1.73_m2}'), lab('2025-05-20', 'egfr', 900, 'mL/min/{1.73_m2}')])).toBe('UNKNOWN');
  });
  // T4: measured 24-h clearance with a later one set aside.
  it('T4 measured clearance with a later one set aside', () => {
    const rule = { fact: 'creatinineClearance', op: '>=', value: 40, method: 'measured' };
    expect(outcome(rule, [male, lab('2025-05-10', 'measured creatinine clearance', 80, 'mL/min'), lab('2025-05-20', 'measured creatinine clearance', 900, 'mL/min')])).toBe('UNKNOWN');
  });

  // T5: bridging therapy stopped for progression (end unknown) in the CAR-T line; CR after the infusion; progression
  // two years later: off therapy (relapsed), not on the bridging course ("given up to the next line at most" —
  // the CAR-T infusion after it ended it, X01's reasoning).
  it('T5 bridging course stopped for progression before the infusion: late relapse is relapsed', () => {
    const evs = [
      diagnosis('2018-06-01', 'IgG', 'kappa'),
      med('VRd', '2018-07-01', '2019-01-01'),
      response('2018-10-01', 'VGPR'),
      response('2018-12-01', 'VGPR'),
      response('2019-10-01', 'PD'),
      event('procedure', '2019-11-01', { kind: 'apheresis' }),
      med('carfilzomib', '2019-11-05', null, { reasonStopped: 'progression', intent: 'bridging' }),
      carT('2020-01-15', 'ciltacabtagene autoleucel'),
      response('2020-04-15', 'CR'),
      response('2020-07-15', 'CR'),
      response('2022-06-15', 'PD'),
    ];
    const p = prof(evs);
    expect({ rr: p.flags.relapsedAndRefractory, r: p.flags.relapsed }).toEqual({ rr: false, r: true });
  });

  // T6: a last-line course stopped for progression without its end; a progression on record before any next line is
  // one on it (v16), and the profile's own evidence says "while on carfilzomib". criteria-language.md
  // progressionAfterLastLine withinDaysOfLastDose: "the progression on the last line's therapy or within N days".
  it('T6 progressionAfterLastLine withinDaysOfLastDose: progression on a last-line course stopped for progression, end unknown', () => {
    const evs = [
      diagnosis('2022-06-01', 'IgG', 'kappa'), med('VRd', '2022-07-01', '2023-06-01'), response('2022-10-01', 'VGPR'), response('2022-12-01', 'VGPR'), response('2024-10-01', 'PD'),
      med('Kd', '2024-10-05', null, { reasonStopped: 'progression' }), response('2025-01-15', 'PR'), response('2025-03-20', 'PD'),
    ];
    expect(prof(evs).drugs.carfilzomib!.evidence[0]!.kind).toBe('progression-on-therapy');
    expect(outcome({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, evs)).toBe('MET');
  });

  // T7: the last line's Kd stopped for progression without its end, no progression on record after it: the profile makes
  // carfilzomib refractory in the last line by "progression-on-therapy" (v16 rev33 X08) and refractoryToLastLine true,
  // yet progressionAfterLastLine says there was no progression on the last line (NOT_MET), the disease assessed after it.
  it('T7 progressionAfterLastLine NOT_MET while the stop for progression makes the last line refractory', () => {
    const evs = [
      diagnosis('2022-06-01', 'IgG', 'kappa'), med('VRd', '2022-07-01', '2023-06-01'), response('2022-10-01', 'VGPR'), response('2022-12-01', 'VGPR'), response('2024-10-01', 'PD'),
      med('Kd', '2024-10-05', null, { reasonStopped: 'progression' }), response('2025-01-15', 'SD'),
    ];
    expect(outcome({ fact: 'flag', name: 'refractoryToLastLine' }, evs)).toBe('MET');
    expect(outcome({ fact: 'progressionAfterLastLine' }, evs)).not.toBe('NOT_MET');
  });

  // T8: the last line's Kd stopped for toxicity without its end (v16: "its last dose is not known"), a progression 105
  // days after its start: it may have come within 60 days of the last dose (any day since the start may be it).
  it('T8 progressionAfterLastLine withinDaysOfLastDose with the last dose not known', () => {
    const evs = [
      diagnosis('2022-06-01', 'IgG', 'kappa'), med('VRd', '2022-07-01', '2023-06-01'), response('2022-10-01', 'VGPR'), response('2022-12-01', 'VGPR'), response('2024-10-01', 'PD'),
      med('Kd', '2024-10-05', null, { reasonStopped: 'toxicity' }), response('2024-12-01', 'PR'), response('2025-01-18', 'PD'),
    ];
    expect(prof(evs).drugs.carfilzomib!.lastDoseUnknown).toBe(true);
    expect(outcome({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: 60 }, evs)).toBe('UNKNOWN');
  });
});
