/**
 * eng34 — ninth round: FLC involved chain (domain §5), class membership (§2) in TCE, PCL IMWG 2021 (§5).
 * Expectations from domain.md before reading the code.
 */
import { add, critOf, diagnosis, demographics, ecog, evalTrial, flc, hb, L1, lab, leaf, med, regimen, response, S, serum, urine, type Ev } from './eng34-helpers';

const d5 = add(S, -5);
const m = (light: string, labs: Ev[]) => [demographics('1960-05-01', 'male', 80), diagnosis('2020-01-01', 'IgG', light), ...L1(), ...labs];

describe('FLC involved chain (domain §5)', () => {
  it('F01 IgG lambda, κ 10 λ 120 mg/L (ratio 0.083), serum 0.3, urine 50 → IMWG measurable MET (involved λ 12 mg/dL)', () =>
    expect(leaf({ fact: 'measurableDisease' }, m('lambda', [serum(d5, 0.3), urine(d5, 50), ...flc(d5, 10, 120)])).outcome).toBe('MET'));
  it('F02 IgG lambda, κ 150 λ 50 (ratio 3: κ high but λ is the involved chain, 5 mg/dL) → NOT_MET', () =>
    expect(leaf({ fact: 'measurableDisease' }, m('lambda', [serum(d5, 0.3), urine(d5, 50), ...flc(d5, 150, 50)])).outcome).toBe('NOT_MET'));
  it('F03 IgG kappa, κ 99 λ 10 (9.9 mg/dL) → NOT_MET', () =>
    expect(leaf({ fact: 'measurableDisease' }, m('kappa', [serum(d5, 0.3), urine(d5, 50), ...flc(d5, 99, 10)])).outcome).toBe('NOT_MET'));
  it('F04 IgG kappa, κ 100 λ 10 (10 mg/dL, ratio 10) → MET', () =>
    expect(leaf({ fact: 'measurableDisease' }, m('kappa', [serum(d5, 0.3), urine(d5, 50), ...flc(d5, 100, 10)])).outcome).toBe('MET'));
});

describe('class membership in TCE (domain §2)', () => {
  const tce = (drugs: string[][]) => {
    const evs: Ev[] = [demographics('1960-05-01', 'male', 80)];
    let y = 2019;
    for (const d of drugs) {
      evs.push(...regimen(d, `${y}-01-01`, `${y}-10-01`), response(`${y}-03-01`, 'PR'), response(`${y}-04-01`, 'PR'), response(`${y}-09-20`, 'PD'));
      y++;
    }
    return leaf({ fact: 'flag', name: 'tripleClassExposed' }, evs).outcome;
  };
  it('F10 thalidomide + ixazomib + isatuximab → TCE MET', () => expect(tce([['thalidomide', 'dexamethasone'], ['ixazomib', 'dexamethasone'], ['isatuximab', 'dexamethasone']])).toBe('MET'));
  it('F11 iberdomide (CELMoD) as the only "IMiD" + bortezomib + daratumumab → TCE NOT_MET', () => expect(tce([['iberdomide', 'dexamethasone'], ['bortezomib', 'dexamethasone'], ['daratumumab', 'dexamethasone']])).toBe('NOT_MET'));
  it('F12 elotuzumab is not anti-CD38: lenalidomide + carfilzomib + elotuzumab → TCE NOT_MET', () => expect(tce([['lenalidomide', 'dexamethasone'], ['carfilzomib', 'dexamethasone'], ['elotuzumab', 'dexamethasone']])).toBe('NOT_MET'));
});

describe('plasma cell leukaemia IMWG 2021 (domain §5): ≥5% circulating PCs', () => {
  const pcl = (pct: number) => [demographics('1960-05-01', 'male', 80), diagnosis('2020-01-01', 'IgG', 'kappa'), lab(d5, 'circulating plasma cells', pct, '%')];
  it('F20 5% circulating PCs → plasmaCellLeukemia MET', () => expect(leaf({ fact: 'plasmaCellLeukemia' }, pcl(5)).outcome).toBe('MET'));
  it('F21 4.9% → NOT_MET', () => expect(leaf({ fact: 'plasmaCellLeukemia' }, pcl(4.9)).outcome).toBe('NOT_MET'));
  it('F22 DREAMM-8 exc-01 with 6% circulating PCs → MET (excluded)', () => {
    const { e } = evalTrial('NCT04484623', [...pcl(6), ...L1(), serum(add(S, -10), 1.2), ecog(add(S, -10), 1), hb(add(S, -10), 10)]);
    expect(critOf(e, 'exc-01').outcome).toBe('MET');
  });
});
void med; void urine;
