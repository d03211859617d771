/**
 * rev34c — failing specs for IMWG 2016 response / relapse (response.ts, relapse.ts, the profile's use of them),
 * each expectation from domain.md §4 or docs/clinical-core.md. Scratch review file; not committed.
 */
import { diagnosis, event, lab, med, mrd, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const S = (d: string, v: number, unit = 'g/dL') => lab(d, 'serum m-protein', v, unit);
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const K = (d: string, k: number, l: number, unit = 'mg/L') => [lab(d, 'free kappa', k, unit), lab(d, 'free lambda', l, unit)];
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const rule = (r: unknown, p: P, asOf: string) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

describe('rev34c', () => {
  // FLC-only κ disease: κ 500 / λ 10 mg/L at baseline (dFLC 490, involved 50 mg/dL, ratio 50), DRd from 2025-01-01.
  const flcOnly = (): Ev[] => [med('DRd', '2025-01-01', null), diagnosis('2024-06-01', 'none', 'kappa'), S('2024-12-15', 0), U('2024-12-15', 0), ...K('2024-12-15', 500, 10)];

  it('B1 dFLC: a λ value entered twice on one day is one assessment, it does not confirm the PR', () => {
    // One assessment day only (2025-02-01: κ 200, λ 10, λ 10 again): PR shown, not confirmed (clinical-core: "confirmed by
    // two consecutive assessments (on different days: the values of one day are one assessment ...)", v10 "a value
    // entered twice one day no longer confirms"; domain §4 two consecutive assessments).
    const p = buildProfile([...flcOnly(), ...K('2025-02-01', 200, 10), lab('2025-02-01', 'free lambda', 10, 'mg/L')], '2025-06-01');
    expect(p.disease.computedResponse).toMatchObject({ category: 'PR', confirmed: false });
    expect(p.disease.bestResponse).toBeNull();
  });

  it('B1b dFLC: two timed λ values of one day are one assessment (the day\'s latest), not two', () => {
    const p = buildProfile(
      [...flcOnly(), lab('2025-02-01T08:00:00Z', 'free kappa', 200, 'mg/L'), lab('2025-02-01T08:00:00Z', 'free lambda', 10, 'mg/L'), lab('2025-02-01T16:00:00Z', 'free lambda', 12, 'mg/L')],
      '2025-06-01',
    );
    expect(p.disease.computedResponse).toMatchObject({ category: 'PR', confirmed: false });
    expect(p.disease.bestResponse).toBeNull();
  });

  it('B2 a PD reported on day 4 of the salvage (the one that prompted it) does not make the salvage\'s confirmed PR a PD', () => {
    // VRd line 1 (PR), off therapy, serum back to 2.2; DRd from 2025-01-01; PD documented 2025-01-05 (day 4, within
    // earlyProgressionDays 14: "the one that prompted it, not progression on its therapy"); serum 2.2 → 1.0, 1.0 (−55%)
    // on 03-01 and 04-01: PR confirmed on DRd, after the PD ("response ... PD when a progression came after both").
    const events: Ev[] = [
      med('VRd', '2024-01-01', '2024-09-01'), S('2023-12-20', 3), S('2024-03-01', 1.0), S('2024-04-01', 1.0),
      S('2024-12-01', 2.0), S('2024-12-28', 2.2),
      med('DRd', '2025-01-01', null), response('2025-01-05', 'PD'),
      S('2025-03-01', 1.0), S('2025-04-01', 1.0),
    ];
    const p = buildProfile(events, '2025-06-01');
    expect(p.linesOfTherapy.lines.map((l) => l.start)).toEqual(['2024-01-01', '2025-01-01']);
    expect(p.disease.computedResponse).toMatchObject({ category: 'PR', confirmed: true, date: '2025-04-01' });
    expect(p.disease.response).toMatchObject({ category: 'PR', date: '2025-04-01' });
    expect(rule({ fact: 'responseAtLeast', category: 'PR' }, p, '2025-06-01')).toBe('MET');
  });

  it('B3 serum-only disease: a negative urine immunofixation with no urine electrophoresis is urine M-protein 0 (VGPR, not PR)', () => {
    // Serum 3.0 → 0 (serum IFE positive: detectable by IFE only) at two assessments, urine IFE negative at each, no UPEP on
    // record. domain §4 VGPR "detectable by IFE but not electrophoresis"; clinical-core v9 "a negative serum or urine
    // immunofixation on a day with no electrophoresis value is an M-protein of 0 that day, for response".
    const p = buildProfile(
      [med('DRd', '2025-01-01', null), S('2024-12-15', 3), S('2025-02-01', 0), sIFE('2025-02-01', 'positive'), uIFE('2025-02-01', 'negative'), S('2025-03-01', 0), sIFE('2025-03-01', 'positive'), uIFE('2025-03-01', 'negative')],
      '2025-06-01',
    );
    expect(p.disease.computedResponse).toMatchObject({ category: 'VGPR', confirmed: true });
  });

  it('B4 relapse from MRD negativity: hypercalcaemia after MRD-negative CR ends the negativity, as it is relapse from CR', () => {
    // CR confirmed 02-01/03-01 with NGS MRD negative (1e-5) on 03-01; calcium 12.5 on 05-01. relapseFromCr names the
    // hypercalcaemia; domain §4 "Relapse from MRD-negative: loss of MRD negativity ..., or any of the relapse-from-CR events".
    const cr = (d: string) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
    const p = buildProfile(
      [med('DRd', '2025-01-01', null), S('2024-12-15', 3), U('2024-12-15', 0), lab('2024-12-15', 'calcium', 9.5, 'mg/dL'), ...cr('2025-02-01'), ...cr('2025-03-01'), BM('2025-03-01', 2), mrd('2025-03-01', 'negative', 'NGS', 1e-5), lab('2025-03-01', 'calcium', 9.5, 'mg/dL'), lab('2025-05-01', 'calcium', 12.5, 'mg/dL')],
      '2025-08-01',
    );
    expect(p.disease.relapseFromCr).toMatchObject({ date: '2025-05-01' });
    expect(p.disease.mrd.negativityLost).toMatchObject({ date: '2025-05-01' });
    expect(rule({ fact: 'mrd', result: 'negative' }, p, '2025-08-01')).not.toBe('MET');
  });
  it('B5 a PET-CT in the line reporting no extramedullary disease is the scan of the plasmacytomas: CR is not left awaiting imaging', () => {
    // Plasmacytoma L1 30×20 mm on CT before DRd; CR labs 03-01 and 04-01, marrow 2%; PET-CT 03-15 "extramedullary: absent".
    // The same scan already counts for CR ("a soft-tissue plasmacytoma on that scan (extramedullary disease present, or a
    // measured plasmacytoma) rules out CR"), yet the SPD limit says "not measured again in the line: the response awaits
    // imaging" and couldBe asks for "a scan of the plasmacytomas since the line began" (clinical-core: "with no scan since
    // the line started the response awaits imaging"; domain §4 CR: disappearance of soft-tissue plasmacytomas).
    const cr = (d: string) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
    const p = buildProfile(
      [
        med('DRd', '2025-01-01', null), S('2024-12-15', 3), U('2024-12-15', 0),
        event('imaging', '2024-12-10', { modality: 'CT', plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 30, perpendicularDiameterMm: 20 }] }),
        ...cr('2025-03-01'), ...cr('2025-04-01'), BM('2025-03-01', 2),
        event('imaging', '2025-03-15', { modality: 'PET-CT', extramedullary: { present: false } }),
      ],
      '2025-08-01',
    );
    expect(p.extramedullaryDisease).toMatchObject({ present: false, date: '2025-03-15' });
    expect(p.disease.computedResponse).toMatchObject({ category: 'CR', confirmed: true });
    expect(p.disease.bestResponse).toBe('CR');
  });

  it('B6 values of one time at the serum baseline that differ leave "PR or better" unknown whatever the event ids, also with a later urine before the line', () => {
    // Serum 2.0 and 1.6 recorded at one time on 2024-12-15 (baseline), urine 50 on 12-20, DRd from 2025-01-01, serum 1.0, 1.0:
    // PR (−50%) from 2.0, MR (−37.5%) from 1.6. clinical-core Labs v14: "M-protein, light-chain and marrow values of one time
    // that differ give the categories the lowest and the highest of them would give in response.sameTime"; criterion unknown
    // "whatever the event ids". Without the urine value the profile does so; with it, the id order decides (MET / NOT_MET).
    const outcome = (baseline: number[]) => {
      const evs = [med('DRd', '2025-01-01', null), ...baseline.map((v) => S('2024-12-15', v)), U('2024-12-20', 50), S('2025-02-01', 1.0), S('2025-03-01', 1.0)].map((e, i) => ({ ...e, eventId: `ev-${String(i).padStart(3, '0')}` }));
      const p = buildProfile(evs, '2025-06-01');
      return rule({ fact: 'responseAtLeast', category: 'PR' }, p, '2025-06-01');
    };
    expect(outcome([2.0, 1.6])).toBe('UNKNOWN');
    expect(outcome([1.6, 2.0])).toBe('UNKNOWN');
  });
});
