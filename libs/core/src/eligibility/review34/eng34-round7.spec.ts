/**
 * eng34 — seventh round: lines of therapy as the catalog's priorLines leaves read them (domain.md §3, [S2]),
 * consecutive PI cycles across drugs, salvage ASCT within the last line. Expectations from domain.md before code.
 */
import { add, base, carT, critOf, ecog, event, evalTrial, hb, L1, L2, L3, leaf, med, regimen, response, ruleOf, S, sct, serum, std, urine, type Ev } from './eng34-helpers';

const labsStd = (extra: Ev[] = []) => [serum(add(S, -10), 1.2), urine(add(S, -10), 50), ecog(add(S, -10), 1), hb(add(S, -10), 10), ...extra];
const lines = (evs: Ev[]) => {
  for (let n = 0; n <= 6; n++) if (leaf({ fact: 'priorLines', min: n, max: n }, evs).outcome === 'MET') return n;
  return leaf({ fact: 'priorLines', min: 0, max: 0 }, evs).outcome;
};

describe('lines of therapy (domain §3)', () => {
  const vrd = () => [...regimen(['bortezomib', 'lenalidomide', 'dexamethasone'], '2020-02-01', '2020-07-15', { cycles: 6 }), response('2020-05-01', 'PR'), response('2020-06-01', 'VGPR')];
  it('L01 VRd → ASCT → planned tandem ASCT 90 d later → len maintenance = 1 line', () =>
    expect(lines([...base(), ...vrd(), sct('2020-09-01'), sct('2020-11-30', { plannedTandem: true }), med('lenalidomide', '2021-01-15', '2022-01-01', { intent: 'maintenance' }), response('2021-06-01', 'VGPR')])).toBe(1));
  it('L02 second ASCT unplanned after relapse 2 years later = new line (2)', () =>
    expect(lines([...base(), ...vrd(), sct('2020-09-01'), response('2020-12-01', 'VGPR'), response('2021-01-01', 'VGPR'), response('2022-09-01', 'PD'), sct('2022-10-15'), response('2023-01-01', 'VGPR')])).toBe(2));
  it('L03 VRd then bortezomib dropped (Rd continues) = still 1 line', () =>
    expect(lines([...base(), med('bortezomib', '2020-02-01', '2020-05-01'), med('lenalidomide', '2020-02-01', '2021-06-01'), med('dexamethasone', '2020-02-01', '2021-06-01'), response('2020-04-01', 'PR'), response('2020-05-01', 'PR')])).toBe(1));
  it('L04 Rd, then daratumumab added unplanned 8 months in = 2 lines', () =>
    expect(lines([...base(), med('lenalidomide', '2020-02-01', '2021-06-01'), med('dexamethasone', '2020-02-01', '2021-06-01'), response('2020-04-01', 'SD'), response('2020-05-01', 'SD'),
      med('daratumumab', '2020-10-01', '2021-06-01'), response('2021-01-01', 'PR')])).toBe(2));
  it('L05 same regimen restarted after a treatment-free interval and progression = new line (2)', () =>
    expect(lines([...base(), ...regimen(['lenalidomide', 'dexamethasone'], '2020-02-01', '2020-12-01', { reasonStopped: 'completed' }), response('2020-05-01', 'PR'), response('2020-06-01', 'PR'),
      response('2021-08-01', 'PD'), ...regimen(['lenalidomide', 'dexamethasone'], '2021-08-15', '2022-03-01'), response('2021-11-01', 'PR')])).toBe(2));
  it('L06 dexamethasone alone between two lines (after PD) opens no line: L1 + dex + L2 = 2', () =>
    expect(lines([...base(), ...L1(), med('dexamethasone', '2022-05-25', '2022-05-31'), ...L2()])).toBe(2));
  it('L07 bridging + lymphodepletion + CAR-T = one line (std 3 lines → 4)', () =>
    expect(lines(std([med('carfilzomib', '2024-12-25', '2025-01-05', { intent: 'bridging' }), med('fludarabine', '2025-01-10', '2025-01-12', { intent: 'lymphodepletion' }),
      med('cyclophosphamide', '2025-01-10', '2025-01-12', { intent: 'lymphodepletion' }), carT('2025-01-15', 'ciltacabtagene autoleucel'), response('2025-03-01', 'PR')],
      { l3: L3(undefined, '2024-12-20', '2024-12-10') }))).toBe(4));
  it('L08 dose hold 30 days of the same regimen, no progression = 1 line', () =>
    expect(lines([...base(), ...regimen(['lenalidomide', 'dexamethasone'], '2020-02-01', '2020-06-01'), response('2020-04-01', 'PR'), response('2020-05-01', 'PR'),
      ...regimen(['lenalidomide', 'dexamethasone'], '2020-07-01', '2021-01-01')])).toBe(1));
  it('L09 KarMMa-3 NCT03651128 inc-01 with tandem (planned) + 2 more lines = 3 lines → priorLines part MET', () => {
    const evs = [...base(), ...vrd(), sct('2020-09-01'), sct('2020-11-30', { plannedTandem: true }), response('2021-03-01', 'VGPR'), response('2021-04-01', 'VGPR'), response('2022-05-10', 'PD'),
      ...L2(), ...L3(), ...labsStd()];
    expect(lines(evs)).toBe(3);
    expect(critOf(evalTrial('NCT03651128', evs).e, 'inc-01').outcome).toBe('MET');
  });
  it('L10 stem-cell mobilization cyclophosphamide (3 d, apheresis after) opens no line', () =>
    expect(lines([...base(), ...vrd(), med('cyclophosphamide', '2020-08-01', '2020-08-03'), event('procedure', '2020-08-12', { kind: 'apheresis' }), sct('2020-09-01'), response('2020-12-01', 'VGPR')])).toBe(1));
});

describe('consecutive cycles and salvage ASCT in the last line', () => {
  const r1 = ruleOf('NCT03539744', 'inc-01');
  it('L20 CANOVA inc-01: 1 cycle bortezomib then 1 cycle carfilzomib back to back → per docs, some drug must reach 2 → NOT_MET', () =>
    expect(leaf(r1, [...base(), med('bortezomib', '2021-01-01', '2021-01-21', { cycles: 1 }), med('carfilzomib', '2021-02-01', '2021-02-21', { cycles: 1 })]).outcome).toBe('NOT_MET'));
  it('L21 CC-220 inc-04: last line KCd then salvage ASCT; PD 50 d after ASCT (120 d after KCd) → MET', () => {
    const evs = [...base(), ...L1(), ...L2(), ...regimen(['carfilzomib', 'cyclophosphamide', 'dexamethasone'], '2023-12-10', '2024-10-01', { cycles: 8 }),
      response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), med('melphalan', '2024-11-28', '2024-11-28', { intent: 'conditioning' }), sct('2024-11-30'),
      response('2025-01-01', 'VGPR'), response(add('2024-11-30', 50), 'PD'), ...labsStd()];
    expect(critOf(evalTrial('NCT02773030', evs).e, 'inc-04', 'RRMM').outcome).toBe('MET');
  });
});
void S; void sct;
