import fc from 'fast-check';
import { allo, carT, demographics, diagnosis, event, lab, loinc, med, mrd, response, sct } from '../testing/events';
import { ageOn, buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';
import { compileRule } from '../eligibility/compile';

const AS_OF = '2025-06-01';
const lines = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF).linesOfTherapy;

describe('lines of therapy (2015 consensus)', () => {
  it('counts planned induction → ASCT → consolidation → maintenance as one line', () => {
    const l = lines(
      med('VRd', '2020-01-01', '2020-05-01', { intent: 'induction' }),
      med('melphalan', '2020-06-01', '2020-06-02', { intent: 'conditioning' }),
      sct('2020-06-03'),
      med('VRd', '2020-08-01', '2020-10-01', { intent: 'consolidation' }),
      med('lenalidomide', '2020-11-01', null, { intent: 'maintenance' }),
    );
    expect(l.count).toBe(1);
    expect(l.lines[0]).toMatchObject({ openedBy: 'first-treatment', generics: ['bortezomib', 'dexamethasone', 'lenalidomide', 'melphalan'], end: null });
    expect(l.lines[0]!.transplants).toEqual([{ kind: 'autologous-sct', date: '2020-06-03', plannedTandem: false }]);
  });

  it('groups agents starting within the regimen window into one regimen', () => {
    expect(lines(med('bortezomib', '2020-01-01', '2020-06-01'), med('dexamethasone', '2020-01-01', '2020-06-01'), med('lenalidomide', '2020-01-20', '2020-06-01')).count).toBe(1);
  });

  it('opens a new line when all agents stop and a different regimen starts', () => {
    const l = lines(med('VRd', '2020-01-01', '2020-06-01'), med('DPd', '2021-03-01', null));
    expect(l.count).toBe(2);
    expect(l.lines[1]).toMatchObject({ number: 2, openedBy: 'new-regimen-after-discontinuation', start: '2021-03-01' });
  });

  it('opens a new line on an unplanned addition to an ongoing regimen', () => {
    const l = lines(med('Rd', '2020-01-01', null), med('daratumumab', '2020-05-01', null));
    expect(l.count).toBe(2);
    expect(l.lines[1]!.openedBy).toBe('unplanned-addition-or-switch');
  });

  it('opens a new line on an unplanned switch within a class (bortezomib → carfilzomib)', () => {
    expect(lines(med('Vd', '2020-01-01', '2020-03-01', { reasonStopped: 'toxicity' }), med('Kd', '2020-03-05', null)).count).toBe(2);
  });

  it('does not open a line for dropping a drug, a dose hold, or a steroid-only change', () => {
    expect(lines(med('VRd', '2020-01-01', '2020-03-01'), med('Rd', '2020-03-01', '2020-09-01')).count).toBe(1);
    expect(lines(med('Rd', '2020-01-01', '2020-03-01'), med('Rd', '2020-03-20', null)).count).toBe(1);
    expect(lines(med('lenalidomide', '2020-01-01', null), med('prednisone', '2020-06-01', null)).count).toBe(1);
  });

  it('counts re-treatment with the same regimen after a treatment-free interval as a new line', () => {
    const l = lines(med('VRd', '2019-01-01', '2019-08-01'), med('VRd', '2021-02-01', null));
    expect(l.count).toBe(2);
    expect(l.lines[1]!.openedBy).toBe('retreatment-after-treatment-free-interval');
  });

  it('counts a planned tandem ASCT as the same line and a later second ASCT as a new one', () => {
    expect(lines(med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), sct('2020-09-01', { plannedTandem: true })).count).toBe(1);
    const later = lines(med('VRd', '2018-01-01', '2018-05-01'), sct('2018-06-01'), sct('2021-09-01'));
    expect(later.count).toBe(2);
    expect(later.lines[1]!.openedBy).toBe('second-sct');
    const lateTandem = lines(med('VRd', '2018-01-01', '2018-05-01'), sct('2018-06-01'), sct('2019-09-01', { plannedTandem: true }));
    expect(lateTandem.count).toBe(2);
    expect(lateTandem.lines[1]!.reviewFlags[0]).toMatch(/planned tandem/);
    // A planned auto → allo tandem stays in the line (2015 consensus rule 3), flagged for review.
    const autoAllo = lines(med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), event('procedure', '2020-10-01', { kind: 'allogeneic-sct', plannedTandem: true }));
    expect(autoAllo.count).toBe(1);
    expect(autoAllo.lines[0]!.reviewFlags).toEqual([expect.stringMatching(/allogeneic SCT 2020-10-01 kept in the line as a planned tandem/)]);
  });

  it('opens a line for allogeneic SCT', () => {
    expect(lines(med('VRd', '2018-01-01', '2018-05-01'), sct('2018-06-01'), allo('2019-06-01')).lines.map((x) => x.openedBy)).toEqual(['first-treatment', 'allogeneic-sct']);
  });

  it('puts bridging and lymphodepletion in the CAR-T line', () => {
    const l = lines(
      med('DPd', '2021-01-01', '2022-01-01'),
      med('Kd', '2022-02-01', '2022-03-01', { intent: 'bridging' }),
      med('cyclophosphamide', '2022-03-10', '2022-03-12', { intent: 'lymphodepletion' }),
      carT('2022-03-15', 'cilta-cel'),
    );
    expect(l.count).toBe(2);
    expect(l.lines[1]).toMatchObject({ openedBy: 'car-t', start: '2022-02-01' });
    expect(l.lines[1]!.generics).toEqual(expect.arrayContaining(['carfilzomib', 'ciltacabtagene autoleucel']));
  });

  it('keeps planned maintenance with another agent in the line (VD → ASCT → lenalidomide maintenance = 1 line)', () => {
    const l = lines(med('Vd', '2020-01-01', '2020-05-01', { intent: 'induction' }), sct('2020-06-01'), med('lenalidomide', '2020-09-01', null, { intent: 'maintenance' }));
    expect(l.count).toBe(1);
    expect(l.lines[0]!.reviewFlags[0]).toMatch(/introduces class\(es\) IMID/);
  });

  it('takes therapy soon after ASCT with no intent recorded as planned maintenance, and says so', () => {
    const l = lines(med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), med('lenalidomide', '2020-09-01', null));
    expect(l.count).toBe(1);
    expect(l.lines[0]!.reviewFlags.join(' ')).toMatch(/no intent recorded: taken as planned/);
    expect(lines(med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), med('lenalidomide', '2021-03-01', null)).count).toBe(2);
    expect(lines(med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), med('Kd', '2020-09-01', null, { intent: 'salvage' })).count).toBe(2);
  });

  it('counts a class added to ongoing maintenance as an unplanned addition', () => {
    const l = lines(
      med('VRd', '2020-01-01', '2020-05-01', { intent: 'induction' }),
      sct('2020-06-01'),
      med('lenalidomide', '2020-09-01', null, { intent: 'maintenance' }),
      med('daratumumab', '2021-09-01', null, { intent: 'maintenance' }),
    );
    expect(l.count).toBe(2);
    expect(l.lines[1]!.reviewFlags[0]).toMatch(/adds class\(es\) ANTI_CD38 to ongoing maintenance/);
  });

  it('ignores supportive agents', () => {
    expect(lines(med('VRd', '2020-01-01', null), med('zoledronic acid', '2020-04-01', null), med('filgrastim', '2020-05-01', '2020-05-05')).count).toBe(1);
  });
});

describe('lines of therapy: progression, steroids and substitutions', () => {
  it('opens a new line for therapy started after progression following ASCT, whatever its timing or recorded intent', () => {
    const afterPd = lines(med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), response('2020-08-01', 'PD'), med('DPd', '2020-09-01', null));
    expect(afterPd.count).toBe(2);
    expect(afterPd.lines[1]).toMatchObject({ start: '2020-09-01', openedBy: 'new-regimen-after-discontinuation' });
    const onMaintenance = lines(
      med('VRd', '2020-01-01', '2020-05-01'),
      sct('2020-06-01'),
      med('lenalidomide', '2020-08-01', '2020-10-01', { intent: 'maintenance', reasonStopped: 'progression' }),
      response('2020-10-01', 'PD'),
      med('DPd', '2020-10-15', null, { intent: 'maintenance' }),
    );
    expect(onMaintenance.count).toBe(2);
    expect(onMaintenance.lines[0]!.reviewFlags).toContainEqual(expect.stringContaining('started after progression on 2020-10-01'));
    // Without a progression the same timing is the planned sequence.
    expect(lines(med('VRd', '2020-01-01', '2020-05-01'), sct('2020-06-01'), med('DPd', '2020-09-01', null)).count).toBe(1);
  });

  it('keeps the line when a corticosteroid is added, dropped or swapped within a combined course', () => {
    expect(lines(med('lenalidomide', '2020-01-01', null), med('Rd', '2020-04-01', null)).count).toBe(1);
    expect(lines(med('Rd', '2020-01-01', '2020-04-01'), med('lenalidomide + prednisone', '2020-04-01', null)).count).toBe(1);
  });

  it('keeps per-dose administrations of one regimen in one line (a dose ending the day it is given is not a drug stopped for good)', () => {
    const dose = (drug: string, day: string) => med(drug, day, day);
    expect(lines(dose('daratumumab', '2024-01-01'), dose('daratumumab', '2024-01-08'), dose('daratumumab', '2024-01-22'), med('dexamethasone', '2024-01-01', '2024-03-01'), med('lenalidomide', '2024-01-15', '2024-03-01')).count).toBe(1);
  });

  it('opens a new line on a substitution inside the grouping window, but not on a staggered start', () => {
    const substituted = lines(med('VRd', '2020-01-01', '2020-01-15', { reasonStopped: 'toxicity' }), med('KRd', '2020-01-22', null));
    expect(substituted.count).toBe(2);
    expect(substituted.lines.map((l) => l.generics)).toEqual([
      ['bortezomib', 'dexamethasone', 'lenalidomide'],
      ['carfilzomib', 'dexamethasone', 'lenalidomide'],
    ]);
    // bortezomib held and given again with lenalidomide added: nothing replaced, one regimen.
    expect(lines(med('bortezomib', '2020-01-01', '2020-01-10'), med('dexamethasone', '2020-01-01', null), med('Vd', '2020-01-15', null), med('lenalidomide', '2020-01-20', null)).count).toBe(1);
  });
});

describe('review flags, PCL, extramedullary disease and MRD spellings', () => {
  it('flags maintenance recorded as planned but started long after the transplant, and a new agent within a known class', () => {
    const late = lines(med('VRd', '2020-01-01', '2020-05-01', { intent: 'induction' }), sct('2020-06-03'), med('lenalidomide', '2021-06-01', null, { intent: 'maintenance' }));
    expect(late.count).toBe(1);
    expect(late.lines[0]!.reviewFlags).toContainEqual(expect.stringContaining('363 days after ASCT'));
    const pom = lines(med('VRd', '2020-01-01', '2020-05-01', { intent: 'induction' }), sct('2020-06-03'), med('pomalidomide', '2020-08-01', null, { intent: 'maintenance' }));
    expect(pom.lines[0]!.reviewFlags).toContainEqual(expect.stringContaining('introduces pomalidomide'));
  });

  it('takes the more recent of a reported PCL condition and a circulating plasma-cell count', () => {
    const condition = (date: string, status: string) => event('condition', date, { kind: 'plasma-cell-leukemia', status });
    const cpc = (date: string, v: number) => lab(date, 'circulating plasma cells', v, '%');
    expect(buildProfile([condition('2020-01-01', 'absent'), cpc('2025-05-01', 8)], AS_OF).plasmaCellLeukemia).toMatchObject({ present: true });
    expect(buildProfile([cpc('2020-01-01', 8), condition('2025-05-01', 'absent')], AS_OF).plasmaCellLeukemia).toMatchObject({ present: false, basis: 'reported condition (absent, 2025-05-01)', date: '2025-05-01' });
  });

  it.each([
    ['Paraskeletal', 'paraskeletal'],
    ['extramedullary plasmacytoma', 'extramedullary'],
    // Both types are soft-tissue masses (domain.md §5): the words alone name neither.
    ['soft-tissue plasmacytoma', null],
    ['soft-tissue mass without bone contact', 'extramedullary'],
    ['extraosseous', 'extramedullary'],
    ['paramedullary', 'paraskeletal'],
    ['something else', null],
  ])('reads the extramedullary type %j as %j', (type, expected) => {
    const p = buildProfile([event('imaging', '2025-05-01', { modality: 'PET-CT', extramedullary: { present: true, type } })], AS_OF);
    expect(p.extramedullaryDisease).toEqual({ present: true, type: expected, site: null, modality: 'PET-CT', date: '2025-05-01', provenance: [expect.any(String)] });
  });

  it('reads the MRD method whatever its case', () => {
    expect(buildProfile([mrd('2025-05-01', 'negative', 'ngf', 1e-5)], AS_OF).disease.mrd.latest).toMatchObject({ method: 'NGF' });
  });
});

describe('procedures sent as medications', () => {
  it('takes an ASCT written as a medication as the transplant (with its melphalan conditioning), not as a drug line', () => {
    const p = buildProfile([med('VRd', '2020-01-01', '2020-05-01'), med('HDM/ASCT', '2020-06-01', '2020-06-01'), med('lenalidomide', '2020-08-01', null, { intent: 'maintenance' })], AS_OF);
    expect(p.transplants).toEqual([expect.objectContaining({ kind: 'autologous-sct', date: '2020-06-01' })]);
    expect(p.linesOfTherapy.count).toBe(1);
    expect(buildProfile([med('VRd', '2020-01-01', '2020-05-01'), med('ASCT', '2020-06-01', null)], AS_OF).drugs.melphalan).toBeUndefined();
  });

  it('takes a CAR-T product given as a medication as the CAR-T infusion', () => {
    const p = buildProfile([med('DPd', '2019-01-01', '2020-12-01'), med('Carvykti', '2021-03-01', '2021-03-01')], AS_OF);
    expect(p.cellTherapies).toEqual([expect.objectContaining({ date: '2021-03-01', product: 'ciltacabtagene autoleucel' })]);
    expect(p.linesOfTherapy.lines[1]).toMatchObject({ openedBy: 'car-t' });
    expect(p.flags.priorBcmaCarT).toBe(true);
  });
});

describe('exposure and refractoriness (IMWG)', () => {
  it('is refractory on progression while on the drug, with the evidence', () => {
    const p = buildProfile([med('Rd', '2020-01-01', '2021-01-10', { reasonStopped: 'progression' }), response('2020-04-01', 'PR'), response('2021-01-05', 'PD')], AS_OF);
    expect(p.drugs.lenalidomide).toMatchObject({ exposed: true, firstDose: '2020-01-01', lastDose: '2021-01-10', refractory: true });
    expect(p.drugs.lenalidomide!.evidence[0]).toMatchObject({ kind: 'progression-on-therapy', date: '2021-01-05', line: 1 });
    expect(p.classes.IMID).toMatchObject({ exposed: true, refractory: true });
  });

  it.each([
    ['59 days after the last dose', '2020-06-29', true],
    ['60 days after the last dose', '2020-06-30', true],
    ['61 days after the last dose', '2020-07-01', false],
  ])('counts progression %s', (_name, pdDate, refractory) => {
    const p = buildProfile([med('Kd', '2020-01-01', '2020-05-01', { reasonStopped: 'completed' }), response('2020-03-01', 'VGPR'), response(pdDate, 'PD')], AS_OF);
    expect(p.drugs.carfilzomib!.refractory).toBe(refractory);
  });

  it('is refractory when the drug never produced MR or better (nonresponsive)', () => {
    const p = buildProfile([med('Pd', '2020-01-01', '2020-04-01'), response('2020-02-01', 'SD'), response('2020-03-01', 'SD')], AS_OF);
    expect(p.drugs.pomalidomide!.evidence[0]!.kind).toBe('no-response');
    expect(buildProfile([med('Pd', '2020-01-01', '2020-04-01'), response('2020-02-01', 'SD')], AS_OF, { ...DEFAULT_SETTINGS, nonResponseIsRefractory: false }).drugs.pomalidomide!.refractory).toBe(false);
  });

  it('marks refractoriness at maintenance dose', () => {
    const p = buildProfile(
      [med('VRd', '2019-01-01', '2019-05-01', { intent: 'induction' }), sct('2019-06-01'), med('lenalidomide', '2019-08-01', '2021-02-01', { intent: 'maintenance' }), response('2019-07-01', 'VGPR'), response('2021-01-20', 'PD')],
      AS_OF,
    );
    expect(p.drugs.lenalidomide).toMatchObject({ refractory: true, refractoryOnlyAtMaintenance: true });
    expect(p.drugs.bortezomib!.refractory).toBe(false);
  });

  it('attributes a progression to the therapy in effect, not to the one stopped for toxicity before it', () => {
    const p = buildProfile([med('VRd', '2020-01-01', '2020-03-01', { reasonStopped: 'toxicity' }), med('KRd', '2020-03-10', null), response('2020-04-20', 'PD')], AS_OF);
    expect(p.drugs.bortezomib!.refractory).toBe(false);
    expect(p.drugs.carfilzomib!.refractory).toBe(true);
  });

  it('respects a minimum exposure before refractoriness (MAMMOTH-style setting)', () => {
    const events = [med('DRd', '2020-01-01', '2020-01-15'), response('2020-01-20', 'PD')];
    expect(buildProfile(events, AS_OF).drugs.daratumumab!.refractory).toBe(true);
    expect(buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28 }).drugs.daratumumab!.refractory).toBe(false);
    // MAMMOTH's minimum is of the anti-CD38 antibody: lenalidomide and dexamethasone in the same 15 days stay refractory,
    // unless the setting names every drug (null) or their class.
    const mammoth = buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28 });
    expect(mammoth.drugs.lenalidomide!.refractory).toBe(true);
    expect(buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28, minExposureClasses: null }).drugs.lenalidomide!.refractory).toBe(false);
    expect(buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28, minExposureClasses: ['IMID'] }).drugs.lenalidomide!.refractory).toBe(false);
    expect(buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, minExposureDaysForRefractoriness: 28, minExposureClasses: ['IMID'] }).drugs.daratumumab!.refractory).toBe(true);
  });

  it('derives the composite flags from per-drug refractoriness', () => {
    const p = buildProfile(
      [
        med('VRd', '2018-01-01', '2019-01-01'),
        response('2018-12-20', 'PD'),
        med('DKd', '2019-01-10', '2020-01-01'),
        response('2019-12-20', 'PD'),
        med('Pd', '2020-01-10', '2020-12-01'),
        response('2020-11-20', 'PD'),
        med('teclistamab', '2021-01-01', null),
        response('2021-03-01', 'VGPR'),
      ],
      AS_OF,
    );
    expect(p.linesOfTherapy.count).toBe(4);
    expect(p.flags).toMatchObject({
      doubleRefractory: true,
      tripleClassExposed: true,
      tripleClassRefractory: true,
      pentaExposed: true,
      pentaRefractory: true,
      priorBcmaBispecific: true,
      priorBcmaDirected: true,
      priorBcmaCarT: false,
      refractoryToLastLine: false,
      primaryRefractory: false,
    });
  });

  it('is not penta-exposed without both IMiDs and both PIs', () => {
    const p = buildProfile([med('VRd', '2018-01-01', '2019-01-01'), med('DPd', '2019-02-01', null)], AS_OF);
    expect(p.flags.tripleClassExposed).toBe(true);
    expect(p.flags.pentaExposed).toBe(false);
  });

  it('recognises primary refractory (never MR) and relapsed-and-refractory', () => {
    const never = buildProfile([med('VRd', '2020-01-01', '2020-06-01'), response('2020-03-01', 'SD'), response('2020-05-01', 'PD')], AS_OF);
    expect(never.flags).toMatchObject({ primaryRefractory: true, relapsedAndRefractory: false, refractoryToLastLine: true });
    const rr = buildProfile([med('VRd', '2020-01-01', '2020-06-01'), response('2020-03-01', 'VGPR'), response('2020-05-01', 'PD')], AS_OF);
    expect(rr.flags).toMatchObject({ primaryRefractory: false, relapsedAndRefractory: true });
  });

  it('calls primary refractory only a nonresponsive patient, not one merely without a response yet or progressing long off therapy', () => {
    // First line under way, one SD: not yet nonresponsive (the course has not ended).
    expect(buildProfile([med('DRd', '2025-04-01', null), response('2025-05-15', 'SD')], AS_OF).flags.primaryRefractory).toBe(false);
    // Progression nine months after the last dose, no assessment on therapy: relapsed, not refractory.
    const late = buildProfile([med('VRd', '2020-01-01', '2020-03-01', { reasonStopped: 'completed' }), response('2020-12-01', 'PD')], AS_OF);
    expect(late.flags).toMatchObject({ primaryRefractory: false, refractoryToLastLine: false });
    expect(late.drugs.bortezomib!.refractory).toBe(false);
  });

  it('attributes a progression after CAR-T to the line in effect: not to the product once a later line has started', () => {
    const events = [med('DPd', '2019-01-01', '2020-12-01'), response('2020-11-20', 'PD'), carT('2021-03-01', 'cilta-cel'), med('Kd', '2022-01-01', null), response('2022-06-01', 'PD')];
    const p = buildProfile(events, AS_OF);
    expect(p.drugs['ciltacabtagene autoleucel']!.refractory).toBe(false);
    expect(p.classes.BCMA_CAR_T).toMatchObject({ exposed: true, refractory: false });
    // The same progression before the next line is the CAR-T's.
    const early = buildProfile([...events.slice(0, 3), response('2021-09-01', 'PD')], AS_OF);
    expect(early.drugs['ciltacabtagene autoleucel']!.evidence).toEqual([expect.objectContaining({ line: 2, date: '2021-09-01' })]);
    // Documented in the first days of the next line (earlyProgressionDays): it prompted that line, the CAR-T failed; Kd did not.
    const prompted = buildProfile([...events.slice(0, 4), response('2022-01-06', 'PD')], AS_OF);
    expect(prompted.drugs['ciltacabtagene autoleucel']!.evidence).toEqual([expect.objectContaining({ line: 2, date: '2022-01-06' })]);
    expect(prompted.drugs.carfilzomib!.refractory).toBe(false);
  });

  it('counts prior CAR-T by product and modality', () => {
    const p = buildProfile([med('DPd', '2020-01-01', '2021-01-01'), carT('2021-03-01', 'Abecma')], AS_OF);
    expect(p.flags).toMatchObject({ priorBcmaCarT: true, priorBcmaBispecific: false, priorGprc5dDirected: false });
    expect(p.cellTherapies).toEqual([expect.objectContaining({ date: '2021-03-01', product: 'idecabtagene vicleucel' })]);
  });
});

describe('disease status', () => {
  it('detects serum M-protein progression: ≥25% and ≥0.5 g/dL from nadir, confirmed, dated at the first', () => {
    const p = buildProfile(
      [lab('2020-01-01', 'm-protein', 3.0, 'g/dL'), lab('2020-03-01', 'm-protein', 1.0, 'g/dL'), lab('2020-04-01', 'm-protein', 1.0, 'g/dL'), lab('2020-05-01', 'm-protein', 1.6, 'g/dL'), lab('2020-06-01', 'm-protein', 1.7, 'g/dL')],
      AS_OF,
    );
    expect(p.disease.progressions).toEqual([expect.objectContaining({ date: '2020-05-01', source: 'serum-m-protein' })]);
    expect(p.disease.progressionDate).toBe('2020-05-01');
  });

  it('measures progression within each line from its own baseline: a rise under new therapy from a higher starting level is not progression', () => {
    const serum = (date: string, v: number) => lab(date, 'm-protein', v, 'g/dL');
    const p = buildProfile(
      [
        serum('2020-01-01', 3.0),
        med('VRd', '2020-01-05', '2020-09-30', { reasonStopped: 'completed' }),
        serum('2020-04-01', 1.0),
        serum('2020-05-01', 1.0),
        serum('2020-08-01', 1.0),
        serum('2021-01-05', 1.5), // off therapy, more than 60 days after the last dose: relapse, confirmed by the next
        serum('2021-02-05', 1.6),
        serum('2021-02-28', 1.9), // Kd's baseline
        med('Kd', '2021-03-01', null),
        serum('2021-03-15', 2.2), // +16% and +0.3 g/dL from 1.9: not progression
        serum('2021-04-01', 2.3),
        serum('2021-05-01', 1.2),
        serum('2021-06-01', 0.8),
        serum('2021-07-01', 0.8),
      ],
      '2021-08-01',
    );
    expect(p.disease.progressions.map((x) => x.date)).toEqual(['2021-01-05']);
    expect(p.drugs.carfilzomib!.refractory).toBe(false);
    expect(p.flags).toMatchObject({ refractoryToLastLine: false, relapsedAndRefractory: false });
    expect(p.disease.response).toMatchObject({ category: 'PR', source: 'computed', confirmed: true });
  });

  it('keeps a dFLC progression found while serum and urine were unmeasurable when serum becomes measurable later', () => {
    const flc = (date: string, kappa: number) => [lab(date, 'free kappa', kappa, 'mg/L'), lab(date, 'free lambda', 10, 'mg/L')];
    const history = [
      diagnosis('2020-01-01', 'none', 'kappa'),
      lab('2020-01-01', 'm-protein', 0, 'g/dL'),
      lab('2020-01-01', 'urine m-protein', 50, 'mg/24h'),
      ...flc('2020-01-01', 800),
      med('VRd', '2020-01-10', '2022-06-01'),
      ...flc('2020-06-01', 60),
      ...flc('2020-07-01', 60),
      ...flc('2022-03-01', 250), // dFLC 50 → 240 and 250: progression on VRd
      ...flc('2022-04-01', 260),
      med('DPd', '2022-06-15', null),
    ];
    const later = buildProfile([...history, lab('2024-02-01', 'm-protein', 1.2, 'g/dL')], '2024-03-01');
    expect(later.disease.progressions).toEqual([expect.objectContaining({ source: 'dflc', date: '2022-03-01' })]);
    expect(later.drugs.lenalidomide!.refractory).toBe(true);
  });

  it('does not let a second value on the same day confirm a rise', () => {
    const same = buildProfile([lab('2020-01-01', 'm-protein', 1.0, 'g/dL'), lab('2020-05-01', 'm-protein', 1.6, 'g/dL'), lab('2020-05-01', 'm-protein', 1.7, 'g/dL')], AS_OF);
    expect(same.disease.progressions).toEqual([]);
    const later = buildProfile([lab('2020-01-01', 'm-protein', 1.0, 'g/dL'), lab('2020-05-01', 'm-protein', 1.6, 'g/dL'), lab('2020-05-01', 'm-protein', 1.7, 'g/dL'), lab('2020-06-01', 'm-protein', 1.7, 'g/dL')], AS_OF);
    expect(later.disease.progressions).toEqual([expect.objectContaining({ date: '2020-05-01' })]);
  });

  it.each([
    ['a rise of 0.4 g/dL from 1.0 (40%, below the absolute threshold)', [1.0, 1.4, 1.4], false],
    ['a single unconfirmed rise', [1.0, 1.6], false],
    ['a rise that is not repeated', [1.0, 1.6, 1.1], false],
    ['from a nadir ≥5 g/dL, a rise of 0.9 g/dL is not enough', [6.0, 6.9, 7.0], false],
    ['from a nadir ≥5 g/dL, a rise of 1.5 g/dL (25%) is', [6.0, 7.5, 7.6], true],
  ])('serum: %s', (_name, values, progressed) => {
    const events = values.map((v, i) => lab(`2020-0${i + 1}-01`, 'm-protein', v, 'g/dL'));
    expect(buildProfile(events, AS_OF).disease.progressions.length > 0).toBe(progressed);
  });

  it('counts new lesions on imaging as progression, without confirmation', () => {
    const p = buildProfile([med('DRd', '2024-01-01', null), event('imaging', '2024-06-01', { modality: 'PET-CT', newLesions: true })], AS_OF);
    expect(p.disease.progressions).toEqual([expect.objectContaining({ source: 'imaging', date: '2024-06-01' })]);
    expect(p.drugs.daratumumab!.refractory).toBe(true);
  });

  it('normalizes M-protein from g/L', () => {
    const p = buildProfile([loinc('2025-05-20', '33358-3', 12, 'g/L')], AS_OF);
    expect(p.disease.measurable.values.serumMProtein).toEqual({ value: 1.2, date: '2025-05-20' });
    expect(p.disease.measurable.serum).toBe(true);
  });

  it('uses dFLC for progression only when serum and urine are unmeasurable, with FLC units normalized', () => {
    const flc = (date: string, kappa: number, lambda: number, unit = 'mg/L') => [lab(date, 'free kappa', kappa, unit), lab(date, 'free lambda', lambda, unit)];
    const lightChainOnly = [diagnosis('2019-01-01', 'none', 'kappa'), ...flc('2020-01-01', 50, 10), ...flc('2020-02-01', 20, 10, 'mg/L'), ...flc('2020-02-15', 2, 1, 'mg/dL'), ...flc('2020-03-01', 14, 1, 'mg/dL'), ...flc('2020-04-01', 15, 1, 'mg/dL')];
    const p = buildProfile(lightChainOnly, AS_OF);
    expect(p.disease.progressions).toEqual([expect.objectContaining({ source: 'dflc', date: '2020-03-01' })]);
    const withSerum = buildProfile([lab('2019-12-01', 'm-protein', 2.0, 'g/dL'), ...lightChainOnly], AS_OF);
    expect(withSerum.disease.progressions.filter((x) => x.source === 'dflc')).toEqual([]);
  });

  it.each([
    ['serum M-protein 1.0 g/dL', [lab('2025-05-01', 'm-protein', 1.0, 'g/dL')], { serum: true, flcOnly: false, any: true }],
    ['serum M-protein 0.9 g/dL', [lab('2025-05-01', 'm-protein', 0.9, 'g/dL')], { serum: false, any: false }],
    ['urine 200 mg/24h', [lab('2025-05-01', 'urine m-protein', 200, 'mg/24h')], { urine: true, any: true }],
    [
      'involved FLC 10 mg/dL with abnormal ratio, no serum/urine',
      [diagnosis('2020-01-01', 'none', 'lambda'), lab('2025-05-01', 'free lambda', 10, 'mg/dL'), lab('2025-05-01', 'free kappa', 5, 'mg/L')],
      { flcOnly: true, any: true },
    ],
    [
      'involved FLC high but ratio normal',
      [diagnosis('2020-01-01', 'none', 'kappa'), lab('2025-05-01', 'free kappa', 150, 'mg/L'), lab('2025-05-01', 'free lambda', 100, 'mg/L')],
      { flcOnly: false, any: false },
    ],
    ['a serum value older than the recency setting', [lab('2024-01-01', 'm-protein', 3.0, 'g/dL')], { serum: false, any: false }],
  ])('measurable disease: %s', (_name, events, expected) => {
    expect(buildProfile(events, AS_OF).disease.measurable).toMatchObject(expected);
  });

  const pet = (date: string, result: string) => event('imaging', date, { modality: 'PET-CT', mrd: result });

  it('reports MRD with method and sensitivity, and sustained negativity (marrow and PET-CT) over a year', () => {
    const marrow = [mrd('2023-01-10', 'negative'), mrd('2023-07-01', 'negative'), mrd('2024-02-01', 'negative', 'NGF', 1e-6)];
    const p = buildProfile([...marrow, pet('2023-01-20', 'negative'), pet('2024-02-10', 'negative')], AS_OF);
    expect(p.disease.mrd.latest).toMatchObject({ method: 'NGF', sensitivity: 1e-6, result: 'negative' });
    expect(p.disease.mrd.latestImaging).toEqual({ date: '2024-02-10', result: 'negative' });
    // Both negative from 2023-01-20 (the later start) to 2024-02-01 (the earlier end): 377 days.
    expect(p.disease.mrd.sustainedNegative).toBe(true);
    expect(buildProfile([mrd('2023-01-10', 'negative'), mrd('2023-07-01', 'positive'), mrd('2024-02-01', 'negative'), pet('2023-01-10', 'negative'), pet('2024-02-01', 'negative')], AS_OF).disease.mrd.sustainedNegative).toBe(false);
  });

  it('loses MRD negativity on a relapse after it (IMWG 2016: progression, or the M-protein back by immunofixation or electrophoresis)', () => {
    const negative = [mrd('2023-01-10', 'negative'), mrd('2024-02-01', 'negative', 'NGS', 1e-6), pet('2023-01-20', 'negative'), pet('2024-02-10', 'negative')];
    const mrdNegative = compileRule({ fact: 'mrd', result: 'negative', maxAgeDays: 1000 });
    const mrdPositive = compileRule({ fact: 'mrd', result: 'positive', maxAgeDays: 1000 });
    const relapsed = buildProfile([...negative, response('2024-10-01', 'PD')], AS_OF);
    expect(relapsed.disease.mrd.negativityLost).toMatchObject({ date: '2024-10-01' });
    expect(relapsed.disease.mrd.sustainedNegative).toBe(false);
    expect(mrdNegative({ profile: relapsed, asOf: AS_OF, trace: null }).outcome).toBe('NOT_MET');
    expect(mrdPositive({ profile: relapsed, asOf: AS_OF, trace: null }).outcome).toBe('MET');
    const ifeBack = buildProfile([...negative, lab('2024-09-01', 'serumImmunofixation', 1, '1', { result: 'positive' })], AS_OF);
    expect(ifeBack.disease.mrd.negativityLost).toMatchObject({ date: '2024-09-01', basis: 'serumImmunofixation positive' });
    expect(mrdNegative({ profile: ifeBack, asOf: AS_OF, trace: null }).outcome).toBe('NOT_MET');
    // A relapse before the latest negative does not take it back.
    const before = buildProfile([response('2022-06-01', 'PD'), ...negative, response('2024-02-01', 'CR')], AS_OF);
    expect(before.disease.mrd.negativityLost).toBeNull();
    expect(mrdNegative({ profile: before, asOf: AS_OF, trace: null }).outcome).toBe('MET');
  });

  it('does not call marrow negativity alone sustained MRD-negative (IMWG 2016 needs imaging too), unless the setting says so', () => {
    const marrow = [mrd('2023-01-10', 'negative', 'NGF', 1e-5), mrd('2024-02-01', 'negative', 'NGF', 1e-5)];
    expect(buildProfile(marrow, AS_OF).disease.mrd.sustainedNegative).toBe(false);
    expect(buildProfile([...marrow, pet('2023-01-10', 'negative'), pet('2023-06-01', 'positive'), pet('2024-02-01', 'negative')], AS_OF).disease.mrd.sustainedNegative).toBe(false);
    expect(buildProfile([...marrow, pet('2023-03-01', 'negative'), pet('2024-02-01', 'negative')], AS_OF).disease.mrd.sustainedNegative).toBe(false); // 337 days both negative
    expect(buildProfile(marrow, AS_OF, { ...DEFAULT_SETTINGS, sustainedMrdNeedsImaging: false }).disease.mrd.sustainedNegative).toBe(true);
  });

  it('counts only MRD negatives at a sensitivity of 1 in 10^5 or finer, and any positive ends the run', () => {
    const imaging = [pet('2023-01-10', 'negative'), pet('2024-02-01', 'negative')];
    expect(buildProfile([mrd('2023-01-10', 'negative', 'NGS', 1e-4), mrd('2024-02-01', 'negative', 'NGS', 1e-4), ...imaging], AS_OF).disease.mrd.sustainedNegative).toBe(false);
    expect(buildProfile([mrd('2023-01-10', 'negative', 'NGS', 1e-5), mrd('2024-02-01', 'negative', 'NGS', 1e-4), ...imaging], AS_OF).disease.mrd.sustainedNegative).toBe(false);
    expect(buildProfile([event('mrd', '2023-01-10', { result: 'negative', method: 'NGF' }), mrd('2024-02-01', 'negative'), ...imaging], AS_OF).disease.mrd.sustainedNegative).toBe(false); // no sensitivity recorded
    // A positive by an unnamed method still ends the run.
    expect(buildProfile([mrd('2023-01-10', 'negative'), event('mrd', '2023-06-01', { result: 'positive' }), mrd('2024-02-01', 'negative'), ...imaging], AS_OF).disease.mrd.sustainedNegative).toBe(false);
  });
});

describe('labs', () => {
  it('keeps the latest value with its age in days and ×ULN', () => {
    const p = buildProfile([lab('2025-05-01', 'ast', 40, 'U/L', { uln: 40 }), lab('2025-05-20', 'ast', 100, 'U/L', { uln: 40 })], AS_OF);
    expect(p.labs.ast).toMatchObject({ value: 100, date: '2025-05-20', ageDays: 12, timesUln: 2.5 });
  });

  it.each([
    ['male, creatinine in mg/dL', 'male', 1.0, 'mg/dL', 80, ((140 - 65) * 80) / 72],
    ['female factor 0.85', 'female', 1.0, 'mg/dL', 80, (((140 - 65) * 80) / 72) * 0.85],
    ['creatinine in µmol/L (÷88.4)', 'male', 176.8, 'umol/L', 70, ((140 - 65) * 70) / (72 * 2)],
  ])('Cockcroft–Gault creatinine clearance: %s', (_name, sex, scr, unit, weight, expected) => {
    const p = buildProfile([demographics('1960-01-01', sex, weight), lab('2025-05-01', 'creatinine', scr, unit)], AS_OF);
    expect(p.labs.crcl?.value).toBeCloseTo(expected, 0);
    expect(p.labs.crcl?.inputs.ageYears).toBe(65);
  });

  it('Cockcroft–Gault takes the weight recorded closest to the creatinine, before or after it, from a demographics event or a weight lab', () => {
    // Woman born 1945-01-01 (80 on 2025-05-01), creatinine 1.3 mg/dL; demographics weight 48 kg in 2015, a weight lab of 80 kg two days after the creatinine.
    const woman = [demographics('1945-01-01', 'female', 48), lab('2025-05-01', 'creatinine', 1.3, 'mg/dL')];
    const later = buildProfile([...woman, lab('2025-05-03', 'weight', 80, 'kg')], AS_OF).labs.crcl;
    expect(later?.inputs).toMatchObject({ weightKg: 80, weightDate: '2025-05-03' });
    expect(later?.value).toBeCloseTo(((140 - 80) * 80) / (72 * 1.3) * 0.85, 6);
    // A demographics event dated after the creatinine is a weight too (the only one here).
    const demoAfter = buildProfile([event('demographics', '2025-05-03', { birthDate: '1960-01-01', sex: 'male', weightKg: 70 }), lab('2025-05-01', 'creatinine', 1.0, 'mg/dL')], AS_OF).labs.crcl;
    expect(demoAfter?.inputs).toMatchObject({ weightKg: 70, weightDate: '2025-05-03' });
    // Without the later weight, the 2015 one stands (no limit by default); with a limit of 90 days, no weight is near enough.
    expect(buildProfile(woman, AS_OF).labs.crcl?.inputs.weightKg).toBe(48);
    expect(buildProfile(woman, AS_OF, { ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, weightMaxDaysFromCreatinine: 90 } }).labs.crcl).toBeNull();
    expect(buildProfile([...woman, lab('2025-03-01', 'weight', 50, 'kg')], AS_OF, { ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, weightMaxDaysFromCreatinine: 90 } }).labs.crcl?.inputs.weightKg).toBe(50);
  });

  it('rounds creatinine below 1 up only when the setting says so', () => {
    const events = [demographics('1960-01-01', 'male', 70), lab('2025-05-01', 'creatinine', 0.6, 'mg/dL')];
    expect(buildProfile(events, AS_OF).labs.crcl?.inputs.creatinineUsedMgDl).toBe(0.6);
    expect(buildProfile(events, AS_OF, { ...DEFAULT_SETTINGS, crcl: { ...DEFAULT_SETTINGS.crcl, roundUpCreatinineBelowOne: true } }).labs.crcl?.inputs.creatinineUsedMgDl).toBe(1);
  });
});

describe('the profile as a whole', () => {
  it('reports what it could not map, never dropping it silently', () => {
    const p = buildProfile([med('aspirin', '2020-01-01', null), lab('2020-01-01', 'unobtainium', 1, 'g/dL'), event('horoscope', '2020-01-01', {})], AS_OF);
    expect(p.unmapped.map((u) => u.reason)).toEqual(['not a known drug, brand, code or regimen', 'lab not in the catalog', 'unknown event type']);
    expect(p.eventCount).toBe(3);
  });

  it('reports a lab value no measurement can have (below zero, a percentage above 100) instead of reading it', () => {
    const p = buildProfile(
      [lab('2025-01-01', 'marrowPlasmaCells', 130, '%'), lab('2025-01-01', 'serumMProtein', -0.4, 'g/dL'), lab('2025-02-01', 'marrowPlasmaCells', 35, '%'), lab('2025-02-01', 'serumMProtein', 1.2, 'g/dL')],
      AS_OF,
    );
    expect(p.unmapped.map((u) => [u.original, u.reason])).toEqual([
      ['marrowPlasmaCells 130 %', 'a percentage above 100'],
      ['serumMProtein -0.4 g/dL', 'a negative value'],
    ]);
    expect([p.labs.marrowPlasmaCells?.value, p.labs.serumMProtein?.value]).toEqual([35, 1.2]);
  });

  it('reports a result above any a patient has (a unit mistake) instead of reading it, and reads the same result in its own unit', () => {
    const p = buildProfile(
      [
        lab('2025-01-01', 'hemoglobin', 120, 'g/dL'),
        lab('2025-01-01', 'albumin', 38, 'g/dL'),
        lab('2025-01-01', 'platelets', 150000, '10*9/L'),
        lab('2025-01-02', 'hemoglobin', 120, 'g/L'),
        lab('2025-01-02', 'albumin', 38, 'g/L'),
        lab('2025-01-02', 'platelets', 150000, '/uL'),
        lab('2025-01-02', 'creatinine', 88.4, 'umol/L'),
      ],
      AS_OF,
    );
    expect(p.unmapped.map((u) => [u.original, u.reason])).toEqual([
      ['hemoglobin 120 g/dL', "above 25 g/dL, more than any patient's result (a unit or entry mistake?)"],
      ['albumin 38 g/dL', "above 10 g/dL, more than any patient's result (a unit or entry mistake?)"],
      ['platelets 150000 10*9/L', "above 5000 10*9/L, more than any patient's result (a unit or entry mistake?)"],
    ]);
    expect([p.labs.hemoglobin?.value, p.labs.albumin?.value, p.labs.platelets?.value, p.labs.creatinine?.value]).toEqual([12, 3.8, 150, 1]);
    // A weight or a haemoglobin of 0 is an entry mistake: a weight lab of 0 kg after a creatinine is not the weight Cockcroft–Gault uses.
    const zero = buildProfile([demographics('1960-01-01', 'male', 70), lab('2025-05-01', 'creatinine', 1.0, 'mg/dL'), lab('2025-05-02', 'weight', 0, 'kg'), lab('2025-05-02', 'hemoglobin', 0, 'g/dL')], AS_OF);
    expect(zero.unmapped.map((u) => u.original)).toEqual(['weight 0 kg', 'hemoglobin 0 g/dL']);
    expect(zero.labs.crcl?.inputs.weightKg).toBe(70);
  });

  it('computes as of a date: later events are left out', () => {
    const events = [med('VRd', '2020-01-01', '2020-06-01'), med('DPd', '2024-01-01', null)];
    expect(buildProfile(events, '2021-01-01').linesOfTherapy.count).toBe(1);
    expect(buildProfile(events, '2024-06-01').linesOfTherapy.count).toBe(2);
  });

  it('records the settings it was computed with', () => {
    expect(buildProfile([], AS_OF).settings).toBe(DEFAULT_SETTINGS.name);
    // Settings changed under the default name are recorded with what changed.
    expect(buildProfile([], AS_OF, { ...DEFAULT_SETTINGS, progressionNadir: 'lowest', refractoryWindowDays: 90 }).settings).toBe(
      `${DEFAULT_SETTINGS.name} {"refractoryWindowDays":90,"progressionNadir":"lowest"}`,
    );
  });

  it('never depends on the order events arrive in, nor on irrelevant events (property)', () => {
    const history = [
      demographics('1955-03-01', 'female', 62),
      diagnosis('2017-05-01', 'IgG', 'kappa'),
      med('VRd', '2017-06-01', '2017-11-01', { intent: 'induction' }),
      sct('2017-12-15'),
      med('lenalidomide', '2018-03-01', '2020-02-01', { intent: 'maintenance' }),
      lab('2019-06-01', 'm-protein', 0.3, 'g/dL'),
      lab('2020-01-01', 'm-protein', 0.9, 'g/dL'),
      lab('2020-01-20', 'm-protein', 1.1, 'g/dL'),
      med('DPd', '2020-02-10', '2022-05-01'),
      response('2020-06-01', 'VGPR'),
      response('2022-04-20', 'PD'),
      carT('2022-08-01', 'Carvykti'),
      lab('2025-05-01', 'creatinine', 1.1, 'mg/dL'),
      mrd('2023-01-01', 'negative'),
    ];
    const expected = buildProfile(history, AS_OF);
    const irrelevant = fc.constantFrom(
      event('condition', '2019-01-01', { kind: 'seasonal-allergy', status: 'resolved' }),
      med('zoledronic acid', '2018-01-01', null),
      event('imaging', '2016-01-01', { modality: 'X-ray' }),
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }), (shuffled) => {
        expect(buildProfile(shuffled, AS_OF)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(fc.array(irrelevant, { maxLength: 3 }), (extra) => {
        const p = buildProfile([...history, ...extra], AS_OF);
        expect(p.linesOfTherapy).toEqual(expected.linesOfTherapy);
        expect(p.flags).toEqual(expected.flags);
        expect(p.disease).toEqual(expected.disease);
      }),
      { numRuns: 30 },
    );
  });
});

describe('ageOn', () => {
  it.each([
    ['1950-06-15', '2024-06-14', 73],
    ['1950-06-15', '2024-06-15', 74],
    ['1952-02-29', '2024-02-28', 71],
    ['1952-02-29', '2024-02-29', 72],
  ])('born %s is %i on %s', (birth, on, age) => {
    expect(ageOn(birth, new Date(on))).toBe(age);
  });
});

describe('values no patient has, reported rather than read (from a fuzz of the clinical core)', () => {
  it('reads a lab unit written as a property name ("toString", "__proto__") as no unit, without throwing', () => {
    const p = buildProfile([lab('2025-05-01', 'creatinine', 1, 'toString'), lab('2025-05-01', 'albumin', 4, '__proto__')], AS_OF);
    expect(p.unmapped.map((u) => u.reason)).toEqual(['cannot read toString as a unit', 'cannot read __proto__ as a unit']);
  });

  it('leaves out a course that starts after the day of the profile, and reports a birth date after it or 130 years before it', () => {
    const p = buildProfile([med('lenalidomide', '2099-01-01', null), event('demographics', '2020-01-01', { birthDate: '2025-06-02', sex: 'female' })], AS_OF);
    expect([p.linesOfTherapy.count, p.demographics.ageYears, p.unmapped.map((u) => u.reason)]).toEqual([0, null, ['a birth date after the day of the profile']]);
    expect(buildProfile([event('demographics', '2020-01-01', { birthDate: '1800-01-01', sex: 'female' })], AS_OF).demographics.birthDate).toBeNull();
  });

  it('reads no ULN that is not above 0, no creatinine below 0.05 mg/dL, no κ/λ ratio of 0, and no cycles beyond 1,000', () => {
    const p = buildProfile(
      [lab('2025-05-01', 'alt', 50, 'U/L', { uln: -40 }), lab('2025-05-01', 'creatinine', 5e-324, 'mg/dL'), lab('2025-05-01', 'kappa/lambda ratio', 0, '1'), med('Kd', '2024-01-01', '2024-06-01', { cycles: 1e308 })],
      AS_OF,
    );
    expect(p.labs.alt).toMatchObject({ value: 50, uln: null, timesUln: null });
    expect([p.labs.creatinine, p.labs.flcRatio]).toEqual([undefined, undefined]);
    expect(p.drugs.carfilzomib?.cycles).toBeNull();
    expect(p.unmapped).toHaveLength(4);
  });
});
