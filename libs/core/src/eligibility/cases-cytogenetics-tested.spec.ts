/**
 * What decides IMS/IMWG 2025 high risk must have been tested before "not high risk" is known, and a finding implies
 * its narrower or wider neighbour (domain.md §6: gain = 3 copies, amp = ≥4; del(1p32) biallelic or with 1q+; a
 * translocation with 1q+ or del(1p32)). From a review of the cytogenetic risk.
 */
import { event, lab } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { DEFAULT_SETTINGS } from '../patient/settings';
import { compileRule } from './compile';

const AS_OF = '2025-06-01';
const fish = (abnormality: string, result: 'detected' | 'not-detected', percentCells?: number, copyNumber?: number) =>
  event('cytogenetics', '2025-05-01', { abnormality, result, ...(percentCells !== undefined ? { percentCells } : {}), ...(copyNumber !== undefined ? { copyNumber } : {}) });
const normalB2m = [lab('2025-05-01', 'beta2Microglobulin', 2.0, 'mg/L'), lab('2025-05-01', 'creatinine', 0.9, 'mg/dL', { uln: 1.2 })];
const run = (rule: unknown, events: Parameters<typeof buildProfile>[0]) => compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;
const hr = { fact: 'highRiskCytogenetics', definition: 'imwg2025' };

describe('IMS/IMWG 2025: not high risk only when what decides it was tested', () => {
  it('1q gain found, translocations never tested: unknown; tested negative: not high risk', () => {
    const base = [...normalB2m, fish('gain(1q)', 'detected', 40, 3), fish('del(17p)', 'not-detected'), fish('del(1p32)', 'not-detected')];
    expect(run(hr, base)).toBe('UNKNOWN');
    expect(run(hr, [...base, fish('t(4;14)', 'not-detected'), fish('t(14;16)', 'not-detected'), fish('t(14;20)', 'not-detected')])).toBe('NOT_MET');
    expect(run(hr, [...base, fish('t(4;14)', 'detected', 30)])).toBe('MET');
  });

  it('"no amplification of 1q" leaves a gain open; "no biallelic deletion" leaves a monoallelic one open', () => {
    const t414 = [...normalB2m, fish('t(4;14)', 'detected', 30), fish('del(17p)', 'not-detected')];
    expect(run(hr, [...t414, fish('amp(1q)', 'not-detected'), fish('del(1p32)', 'not-detected')])).toBe('UNKNOWN');
    expect(run(hr, [...t414, fish('gain(1q)', 'not-detected'), fish('del(1p32)-biallelic', 'not-detected')])).toBe('UNKNOWN');
    expect(run(hr, [...t414, fish('gain(1q)', 'not-detected'), fish('del(1p32)', 'not-detected')])).toBe('NOT_MET');
  });

  it('no biallelic deletion, 1q and every translocation negative: a monoallelic del(1p32) decides nothing, so not high risk', () => {
    const negative = [...normalB2m, fish('del(17p)', 'not-detected'), fish('gain(1q)', 'not-detected'), fish('t(4;14)', 'not-detected'), fish('t(14;16)', 'not-detected'), fish('t(14;20)', 'not-detected')];
    // A biallelic deletion in 15 % of cells, under the 20 % cut-off: not found.
    expect(run(hr, [...negative, fish('del(1p32)', 'detected', 15, 0)])).toBe('NOT_MET');
    expect(run(hr, [...negative, fish('del(1p32)-biallelic', 'not-detected')])).toBe('NOT_MET');
    // Nothing on del(1p32) at all: a biallelic deletion would be high risk on its own.
    expect(run(hr, negative)).toBe('UNKNOWN');
    // 1q never tested: a monoallelic deletion with 1q+ would be.
    expect(run(hr, [...negative.filter((e) => (e.data as { abnormality?: string }).abnormality !== 'gain(1q)'), fish('del(1p32)-biallelic', 'not-detected')])).toBe('UNKNOWN');
  });
});

describe('a rule on one abnormality reads the finding that implies it', () => {
  it('a biallelic del(1p32) found is a del(1p32)', () => {
    expect(run({ fact: 'cytogenetics', abnormality: 'del(1p32)' }, [fish('del(1p32)', 'detected', 40, 0)])).toBe('MET');
  });
  it('no gain of 1q, or a gain of 3 copies, is no amplification; an amplification found is a gain', () => {
    expect(run({ fact: 'cytogenetics', abnormality: 'amp(1q)' }, [fish('gain(1q)', 'not-detected')])).toBe('NOT_MET');
    expect(run({ fact: 'cytogenetics', abnormality: 'amp(1q)' }, [fish('gain(1q)', 'detected', 40, 3)])).toBe('NOT_MET');
    expect(run({ fact: 'cytogenetics', abnormality: 'amp(1q)' }, [fish('gain(1q)', 'detected', 40)])).toBe('UNKNOWN');
    expect(run({ fact: 'cytogenetics', abnormality: 'gain(1q)' }, [fish('amp(1q)', 'detected', 40, 5)])).toBe('MET');
  });
});

describe('Cockcroft–Gault and ×ULN at their exact thresholds; the weight a protocol names (from a review of §7)', () => {
  const crcl40 = { fact: 'creatinineClearance', op: '>=', value: 40 };
  it('a CrCl of exactly 40 and a bilirubin of exactly 3 × ULN meet "≥ 40" and "≥ 3 × ULN"', () => {
    const female = [event('demographics', '2015-01-01', { birthDate: '1973-01-01', sex: 'female', weightKg: 72 }), lab('2025-05-01', 'creatinine', 1.87, 'mg/dL')];
    expect(run(crcl40, female)).toBe('MET');
    expect(run({ fact: 'labTimesUln', name: 'bilirubin', op: '>=', value: 3 }, [lab('2025-05-01', 'bilirubin', 2.4, 'mg/dL', { uln: 0.8 })])).toBe('MET');
    expect(run({ fact: 'labTimesUln', name: 'bilirubin', op: '<', value: 3 }, [lab('2025-05-01', 'bilirubin', 2.4, 'mg/dL', { uln: 0.8 })])).toBe('NOT_MET');
  });
  it('ideal or adjusted body weight from the height; none on record: no CrCl', () => {
    const man = (heightCm?: number) => [event('demographics', '2015-01-01', { birthDate: '1960-01-01', sex: 'male', weightKg: 100, ...(heightCm ? { heightCm } : {}) }), lab('2025-05-01', 'creatinine', 1.875, 'mg/dL')];
    const withWeight = (weight: 'actual' | 'ideal' | 'adjusted', events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, weight } }).labs.crcl;
    expect(withWeight('actual', man(170))?.value).toBeCloseTo(55.56, 2); // (140 − 65) × 100 / (72 × 1.875)
    const ideal = withWeight('ideal', man(170))!;
    expect(ideal.inputs.idealWeightKg).toBeCloseTo(50 + 2.3 * (170 / 2.54 - 60), 9);
    expect(ideal.value).toBeCloseTo((75 * ideal.inputs.idealWeightKg!) / (72 * 1.875), 6);
    expect(withWeight('adjusted', man(170))!.inputs.weightUsedKg).toBeCloseTo(ideal.inputs.idealWeightKg! + 0.4 * (100 - ideal.inputs.idealWeightKg!), 9);
    expect(withWeight('ideal', man())).toBeNull();
  });
});

describe('results of one day that disagree', () => {
  const riss = { fact: 'highRiskCytogenetics', definition: 'riss' };
  const panel = [fish('t(4;14)', 'not-detected'), fish('t(14;16)', 'not-detected')];

  it('del(17p) detected and not detected on one day: R-ISS high risk and the del(17p) rule unknown, in either order', () => {
    for (const pair of [[fish('del(17p)', 'detected', 60), fish('del(17p)', 'not-detected')], [fish('del(17p)', 'not-detected'), fish('del(17p)', 'detected', 60)]]) {
      const events = [...panel, ...pair];
      expect(run(riss, events)).toBe('UNKNOWN');
      expect(run({ fact: 'cytogenetics', abnormality: 'del(17p)' }, events)).toBe('UNKNOWN');
      expect(buildProfile(events, AS_OF).cytogenetics.conflicting).toEqual([expect.objectContaining({ abnormality: 'del(17p)', date: '2025-05-01' })]);
    }
  });

  it('another finding that decides it still does: t(4;14) detected makes R-ISS high risk whatever del(17p) was', () => {
    expect(run(riss, [fish('t(4;14)', 'detected', 30), fish('t(14;16)', 'not-detected'), fish('del(17p)', 'detected', 60), fish('del(17p)', 'not-detected')])).toBe('MET');
  });

  it('a later day settles it; results that agree are no conflict', () => {
    const later = event('cytogenetics', '2025-05-20', { abnormality: 'del(17p)', result: 'not-detected' });
    expect(run(riss, [...panel, fish('del(17p)', 'detected', 60), fish('del(17p)', 'not-detected'), later])).toBe('NOT_MET');
    expect(run(riss, [...panel, fish('del(17p)', 'not-detected'), fish('del(17p)', 'not-detected')])).toBe('NOT_MET');
  });
});
