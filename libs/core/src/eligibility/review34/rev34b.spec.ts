/**
 * rev34b — lines of therapy (domain.md §3, docs/clinical-core.md lines-of-therapy section, DEFAULT_SETTINGS v16) and
 * response.ts's per-line reading. Each case fails against the current code. Scratch review file; not committed.
 */
import { allo, lab, med, response, sct } from '../../testing/events';
import { buildProfile } from '../../patient/profile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const prof = (evs: Ev[], asOf = AS_OF): P => buildProfile(evs, asOf);
const lines = (p: P) => p.linesOfTherapy.lines;
const shape = (p: P) => lines(p).map((l) => l.openedBy).join(' > ');
const reasons = (p: P) => lines(p).map((l) => String(l.reasonForChange)).join(' > ');
const PD = (d: string) => response(d, 'PD');

describe('rev34b lines of therapy', () => {
  test('B1 reasonForChange: a stop recorded during line 2 (on a course carried into it) is not line 1\'s reason', () => {
    // Rd from 2023-01-01; daratumumab added 2023-05-01 (rule 2: line 2, D-Rd, carries lenalidomide); both stop
    // 2024-06-30, the Rd record saying toxicity; Kd 2024-07-10 (line 3).
    const p = prof([med('Rd', '2023-01-01', '2024-06-30', { reasonStopped: 'toxicity' }), med('daratumumab', '2023-05-01', '2024-06-30'), med('Kd', '2024-07-10', null)]);
    expect(shape(p)).toBe('first-treatment > unplanned-addition-or-switch > new-regimen-after-discontinuation');
    // Line 1 was left by an addition (no stop, no progression on record); line 2 (D-Rd) ended by the toxicity stop.
    expect(reasons(p)).toBe('null > toxicity > null');
  });

  test('B2 substitution on the day the replaced drug stops (inside the grouping window) is rule 2, as on the next day', () => {
    // VRd from 2023-01-01 (bortezomib record ends 01-21, 21 days ≥ minLineDays), carfilzomib replaces it from 01-21.
    const sameDay = prof([med('bortezomib', '2023-01-01', '2023-01-21'), med('Rd', '2023-01-01', null), med('carfilzomib', '2023-01-21', null)]);
    const nextDay = prof([med('bortezomib', '2023-01-01', '2023-01-21'), med('Rd', '2023-01-01', null), med('carfilzomib', '2023-01-22', null)]);
    expect(shape(nextDay)).toBe('first-treatment > unplanned-addition-or-switch');
    expect(shape(sameDay)).toBe('first-treatment > unplanned-addition-or-switch');
  });

  test('B3 conditioning recorded before an allo-SCT does not change the lines (conditioning identity irrelevant)', () => {
    const base: Ev[] = [med('VRd', '2022-01-01', '2022-06-30'), PD('2023-01-01')];
    const withCond = prof([...base, med('melphalan', '2023-02-01', '2023-02-02', { intent: 'conditioning' }), allo('2023-02-03'), med('lenalidomide', '2023-02-25', null)]);
    const without = prof([...base, allo('2023-02-03'), med('lenalidomide', '2023-02-25', null)]);
    expect(shape(without)).toBe('first-treatment > allogeneic-sct');
    expect(shape(withCond)).toBe(shape(without));
  });

  test('B4 provenance: a line opened by adding to a running regimen names the record of the agents it carries', () => {
    const rd = med('Rd', '2023-01-01', null);
    const dara = med('daratumumab', '2023-05-01', null);
    const p = prof([rd, dara]);
    const l2 = lines(p)[1]!;
    expect(l2.generics).toContain('lenalidomide');
    expect(l2.provenance).toEqual(expect.arrayContaining([dara.eventId, rd.eventId]));
  });

  test('B6 a dexamethasone lead-in months after the line ended joins the regimen it leads into, not the finished line', () => {
    // VRd completed 2023-06-30; six months off therapy; dex 2024-01-01..01-10 then KRd 2024-01-12 (no progression recorded).
    const p = prof([med('VRd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), med('dexamethasone', '2024-01-01', '2024-01-10'), med('KRd', '2024-01-12', null)]);
    expect(lines(p).map((l) => `${l.start}..${l.end}`).join(' > ')).toBe('2023-01-01..2023-06-30 > 2024-01-01..null');
  });

  // Induction → ASCT → lenalidomide with no intent recorded (FHIR sends none): taken as planned maintenance (docs
  // postTransplantContinuationDays). The maintenance rules then apply as when the intent is recorded.
  const IND: Ev[] = [med('VRd', '2023-01-01', '2023-04-30')];
  test('B7 a class added to maintenance under way is an unplanned addition also when the maintenance carries no intent', () => {
    const withIntent = prof([...IND, sct('2023-06-01'), med('lenalidomide', '2023-08-01', null, { intent: 'maintenance' }), med('daratumumab', '2023-11-01', null)]);
    const noIntent = prof([...IND, sct('2023-06-01'), med('lenalidomide', '2023-08-01', null), med('daratumumab', '2023-11-01', null)]);
    expect(shape(withIntent)).toBe('first-treatment > unplanned-addition-or-switch');
    // Contestable, the documented reading kept (docs/clinical-core.md): therapy with no intent recorded after an ASCT is
    // taken as the planned sequence, which cannot tell consolidation from maintenance, so it keeps the line (flagged).
    expect(shape(noIntent)).toBe('first-treatment');
  });
  test('B8 maintenance stopped for toxicity and another agent taken up is a substitution also when no intent is recorded', () => {
    const withIntent = prof([...IND, sct('2023-06-01'), med('lenalidomide', '2023-08-01', '2023-10-01', { intent: 'maintenance', reasonStopped: 'toxicity' }), med('pomalidomide', '2023-10-15', null, { intent: 'maintenance' })]);
    const noIntent = prof([...IND, sct('2023-06-01'), med('lenalidomide', '2023-08-01', '2023-10-01', { reasonStopped: 'toxicity' }), med('pomalidomide', '2023-10-15', null)]);
    expect(shape(withIntent)).toBe('first-treatment > unplanned-addition-or-switch');
    // Contestable, the documented reading kept (as B7).
    expect(shape(noIntent)).toBe('first-treatment');
  });

  test('B9 a regimen stopped without its end recorded is not known to be under one cycle (minLineDays needs its last dose)', () => {
    // Rd from 2023-01-01 recorded stopped for toxicity, no end (v16: last dose not known); Kd from 2023-01-28.
    const unknownEnd = prof([med('Rd', '2023-01-01', null, { reasonStopped: 'toxicity' }), med('Kd', '2023-01-28', null)]);
    const knownEnd = prof([med('Rd', '2023-01-01', '2023-01-21', { reasonStopped: 'toxicity' }), med('Kd', '2023-01-28', null)]);
    expect(lines(knownEnd).length).toBe(2);
    expect(lines(unknownEnd).length).toBe(2);
  });
});

describe('rev34b response per line', () => {
  test('B5 a PD dated in the new line\'s first earlyProgressionDays (the one that prompted it) is not the current response once the line responds', () => {
    // Rd to 2024-12-20; Kd from 2025-01-01; PD documented 2025-01-05 (day 5 of Kd: prompted it, docs earlyProgressionDays);
    // serum M-protein 3.0 at baseline, 1.0 and 1.0 on Kd (−67%, confirmed PR).
    const p = prof([
      med('Rd', '2023-01-01', '2024-12-20'),
      lab('2024-12-15', 'serum m-protein', 3.0, 'g/dL'),
      med('Kd', '2025-01-01', null),
      PD('2025-01-05'),
      lab('2025-02-01', 'serum m-protein', 1.0, 'g/dL'),
      lab('2025-03-01', 'serum m-protein', 1.0, 'g/dL'),
    ]);
    expect(lines(p)[0]!.reasonForChange).toBe('progression');
    expect(p.disease.response?.category).toBe('PR');
  });
});
