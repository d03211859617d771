import { event, lab } from '../testing/events';
import { canonicalAbnormality } from './cytogenetics';
import { buildProfile } from './profile';

const fish = (abnormality: string, percentCells?: number, result = 'detected') => event('cytogenetics', '2024-01-01', { abnormality, result, ...(percentCells !== undefined ? { percentCells } : {}) });
const risk = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, '2025-01-01').cytogenetics;

describe('cytogenetic risk', () => {
  it.each([
    ['del 17p', 'del(17p)'],
    ['17p-', 'del(17p)'],
    ['T(4;14)', 't(4;14)'],
    ['1q+', 'gain(1q)'],
    ['amp 1q', 'amp(1q)'],
  ])('reads %s as %s', (text, canonical) => {
    expect(canonicalAbnormality(text)).toBe(canonical);
  });

  it('applies the FISH cut-offs (10% translocations, 20% copy number) when % cells is reported', () => {
    expect(risk(fish('t(4;14)', 12)).highRiskRiss).toBe(true);
    expect(risk(fish('t(4;14)', 8)).highRiskRiss).toBe(false);
    expect(risk(fish('del(17p)', 15)).highRiskRiss).toBe(false);
    expect(risk(fish('del(17p)')).highRiskRiss).toBe(true);
    expect(risk(fish('t(11;14)', 40)).t11_14).toBe(true);
  });

  it.each([
    ['del(17p) ≥20%', [fish('del(17p)', 25)], true],
    ['TP53 mutation', [fish('TP53 mutation')], true],
    ['t(4;14) alone (high risk in R-ISS, not in 2025)', [fish('t(4;14)', 50)], false],
    ['t(4;14) with 1q gain', [fish('t(4;14)', 50), fish('1q+', 30)], true],
    ['t(14;20) with del(1p32)', [fish('t(14;20)', 30), fish('del(1p32)', 30)], true],
    ['del(1p32) with amp(1q)', [fish('del(1p32)', 30), fish('amp(1q)', 30)], true],
    ['1q gain alone', [fish('gain(1q)', 40)], false],
    ['β2M 6 mg/L with normal creatinine', [lab('2024-12-01', 'b2m', 6, 'mg/L'), lab('2024-12-01', 'creatinine', 0.9, 'mg/dL')], true],
    ['β2M 6 mg/L with renal impairment', [lab('2024-12-01', 'b2m', 6, 'mg/L'), lab('2024-12-01', 'creatinine', 2.5, 'mg/dL')], false],
  ])('IMS/IMWG 2025 high risk: %s', (_name, events, highRisk) => {
    const r = risk(...events);
    expect(r.highRiskImwg2025.highRisk).toBe(highRisk);
    if (highRisk) expect(r.highRiskImwg2025.basis.length).toBeGreaterThan(0);
  });

  it('takes the latest result per abnormality', () => {
    const later = event('cytogenetics', '2024-06-01', { abnormality: 'del(17p)', result: 'not-detected' });
    expect(risk(fish('del(17p)', 60), later).highRiskRiss).toBe(false);
  });
});
