/**
 * fhir34c — time zones at the refractory window, corrections, drug texts and target-therapy flags from FHIR.
 * Expectations from domain.md, docs/fhir-mapping.md, docs/clinical-core.md, written before reading the implementation.
 */
import { RX, subject, q, obs, medText, ms, spep, upep, fhirKit } from './fhir34-kit';

const PATIENT = { resourceType: 'Patient', id: 'p1', birthDate: '1958-04-02', gender: 'male' };
const { map, prof, P_, unm } = fhirKit(PATIENT);

describe('refractory window with time zones (§1 60 days; clinical-core: the day written)', () => {
  const base = (end: string, rise1: string, rise2: string) => [
    ms('rd', medText('Rd'), '2024-01-01', end),
    ...[['2023-12-20', 2.0], ['2024-03-01', 1.0], ['2024-04-01', 1.0], [rise1, 1.6], [rise2, 1.7]].map(([d, v], i) => spep(`s${i}`, d as string, v as number)),
    ...[['2023-12-20', 50], ['2024-03-01', 50], ['2024-04-01', 50]].map(([d, v], i) => upep(`u${i}`, d as string, v as number)),
  ];
  it('Z01 last dose written 2024-05-02T01:00+09:00 (05-01 in UTC), PD 2024-07-01 = day 60 → refractory', () =>
    expect(P_(...base('2024-05-02T01:00:00+09:00', '2024-07-01', '2024-07-15')).drugs.lenalidomide?.refractory).toBe(true));
  it('Z02 last dose 2024-05-01T23:30-05:00 (05-02 in UTC), PD 2024-07-01T00:30:00+02:00 = day 61 → not refractory', () =>
    expect(P_(...base('2024-05-01T23:30:00-05:00', '2024-07-01T00:30:00+02:00', '2024-07-15')).drugs.lenalidomide?.refractory).toBe(false));
  it('Z03 last dose day written with a time: lastDose is the written day 2024-05-01', () =>
    expect(P_(...base('2024-05-01T23:30:00-05:00', '2024-09-01', '2024-09-15')).drugs.lenalidomide?.lastDose).toBe('2024-05-01'));
  it('Z04 PD first rise written 2024-06-30T23:00-04:00 (07-01 UTC) after end 2024-05-01 → day 60, refractory', () =>
    expect(P_(...base('2024-05-01', '2024-06-30T23:00:00-04:00', '2024-07-15')).drugs.lenalidomide?.refractory).toBe(true));
});

describe('corrections (fhir-mapping Versions and corrections)', () => {
  it('V01 final 1.2 g/dL then amended "<0.5" comparator (unreadable) → earlier value withdrawn', () => {
    const m = map(spep('s', '2025-05-01', 1.2), { ...obs('s', '33358-3', q(0.5, 'g/dL', undefined, { comparator: '<' }), '2025-05-01', 'amended'), meta: { lastUpdated: '2025-05-05T10:00:00Z' } });
    expect(prof(m).labs.serumMProtein).toBeUndefined();
  });
  it('V02 same resource sent twice identically → one value, no sameTime', () => {
    const p = P_(spep('s', '2025-05-01', 1.2), spep('s', '2025-05-01', 1.2));
    expect(p.labs.serumMProtein?.value).toBe(1.2);
    expect((p.labs.serumMProtein as unknown as { sameTime?: unknown }).sameTime).toBeUndefined();
  });
  it('V03 versionId 1 ECOG 1, versionId 2 ECOG 3 → 3', () => expect(P_({ ...obs('e', '89247-1', { valueInteger: 1 }), meta: { versionId: '1' } }, { ...obs('e', '89247-1', { valueInteger: 3 }), meta: { versionId: '2' } }).ecog?.value).toBe(3));
  it('V04 MedicationAdministration versionId 2 status not-done retracts version 1 → no exposure', () => {
    const a = { resourceType: 'MedicationAdministration', id: 'a', subject, ...medText('carfilzomib'), effectiveDateTime: '2025-03-01T10:00:00Z' };
    expect(P_({ ...a, status: 'completed', meta: { versionId: '1' } }, { ...a, status: 'not-done', meta: { versionId: '2' } }).drugs.carfilzomib).toBeUndefined();
  });
  it('V05 Procedure ASCT then same id entered-in-error → no transplant', () => {
    const t = { resourceType: 'Procedure', id: 't', subject, code: { text: 'ASCT' }, performedDateTime: '2024-06-01' };
    expect(P_({ ...t, status: 'completed' }, { ...t, status: 'entered-in-error', meta: { lastUpdated: '2024-06-10T00:00:00Z' } }).transplants).toHaveLength(0);
  });
});

describe('drug texts and target-therapy flags (§2, §7 prior target therapy, §8)', () => {
  it('W01 "teclistamab (MajesTEC-1)" → BCMA bispecific, T-cell engager', () => {
    const f = P_(ms('a', medText('teclistamab (MajesTEC-1)'), '2024-01-01', '2024-06-01')).flags;
    expect([f.priorBcmaBispecific, f.priorTCellEngager, f.priorBcmaDirected]).toEqual([true, true, true]);
  });
  it('W02 "Rd (+ daratumumab)" → reported, not guessed', () => {
    const m = map(ms('a', medText('Rd (+ daratumumab)'), '2024-01-01', '2024-06-01'));
    expect(prof(m).drugs.daratumumab).toBeUndefined();
  });
  it('W03 "Elra-Dara" → elranatamab + daratumumab', () => {
    const d = P_(ms('a', medText('Elra-Dara'), '2024-01-01', '2024-06-01')).drugs;
    expect([!!d.elranatamab, !!d.daratumumab]).toEqual([true, true]);
  });
  it('W04 belantamab mafodotin → prior BCMA ADC', () => expect(P_(ms('a', medText('belantamab mafodotin'), '2024-01-01', '2024-06-01')).flags.priorBcmaAdc).toBe(true));
  it('W05 talquetamab → GPRC5D-directed, not BCMA', () => {
    const f = P_(ms('a', medText('Talvey'), '2024-01-01', '2024-06-01')).flags;
    expect([f.priorGprc5dDirected, f.priorBcmaDirected]).toEqual([true, false]);
  });
  it('W06 RxNorm code "RX-12" (not digits) with text lenalidomide → text read', () =>
    expect(P_(ms('a', { medicationCodeableConcept: { coding: [{ system: RX, code: 'RX-12' }], text: 'lenalidomide' } }, '2024-01-01', '2024-06-01')).drugs.lenalidomide?.exposed).toBe(true));
  it('W07 "V-R-D" (ambiguous one-letter parts) → reported', () => {
    const m = map(ms('a', medText('V-R-D'), '2024-01-01', '2024-06-01'));
    const p = prof(m);
    expect(!!unm(m, 'a') || JSON.stringify(p.unmapped).includes('V-R-D')).toBe(true);
  });
  it('W08 "Pd" → pomalidomide + dexamethasone (not prednisone) [§8]', () => {
    const d = P_(ms('a', medText('Pd'), '2024-01-01', '2024-06-01')).drugs;
    expect([!!d.pomalidomide, !!d.dexamethasone, !!d.prednisone]).toEqual([true, true, false]);
  });
  it('W09 "DCEP" → etoposide, not elotuzumab [§8 E = etoposide in DCEP]', () => {
    const d = P_(ms('a', medText('DCEP'), '2024-01-01', '2024-02-01')).drugs;
    expect([!!d.etoposide, !!d.elotuzumab]).toEqual([true, false]);
  });
  it('W10 penta-exposed from 5 statements (V, K, R, P, isatuximab) [§2 penta]', () =>
    expect(P_(...['bortezomib', 'carfilzomib', 'lenalidomide', 'pomalidomide', 'isatuximab'].map((g, i) => ms(`a${i}`, medText(g), `202${i}-01-01`, `202${i}-06-01`))).flags.pentaExposed).toBe(true));
  it('W11 MedicationRequest stopped without end → ended on authoredOn', () => {
    const d = P_({ resourceType: 'MedicationRequest', id: 'r', status: 'stopped', intent: 'order', subject, ...medText('selinexor'), authoredOn: '2025-02-01' }).drugs.selinexor;
    expect([d?.lastDose, d?.ongoing]).toEqual(['2025-02-01', false]);
  });
  it('W12 age from birthDate on as-of day: 1958-04-02 → 67 on 2025-06-01', () => expect(P_().demographics.ageYears).toBe(67));
});
