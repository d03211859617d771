/**
 * Nonresponse while on therapy, MRD negativity lost, non-secretory. domain.md §1: "Nonresponsive: failure to achieve minimal response (MR) … while on therapy";
 * "refractory to drug X if X was in the regimen and the above applies to that regimen". docs/clinical-core.md:
 * nonResponseMinDaysOngoing 56 — "a drug still being given is nonresponsive once an assessment at least this many
 * days after its start shows no MR or better (and none before)". domain.md §4: "Relapse from CR: reappearance of
 * M-protein by IFE/electrophoresis, ≥5% marrow PCs, or other progression sign. Relapse from MRD-negative: loss of
 * MRD negativity (NGF/NGS or imaging), or any of the relapse-from-CR events"; "Sustained MRD-negative … confirmed
 * ≥1 year apart". §5 non-secretory.
 */
import { diagnosis, lab, med, mrd, response, sct } from '../testing/events';
import { event, outcome, profileOf } from '../eligibility/condition-cases';

const m = (d: string, v: number) => lab(d, 'serumMProtein', v, 'g/dL');
const u = (d: string, v: number) => lab(d, 'urineMProtein', v, 'mg/24h');
const mu = (d: string, serum: number) => [m(d, serum), u(d, 50)];
const line1 = [med('VRd', '2023-01-10', '2023-09-20', { reasonStopped: 'progression' }), response('2023-03-01', 'PR'), response('2023-09-15', 'PD')];

describe('nonresponsive while still on the drug', () => {
  it('an emerging response (serum M-protein 2.0 → 1.9 → 0.8 g/dL, −60% on day 61) is not "failure to achieve MR"', () => {
    const p = profileOf([...line1, ...mu('2025-02-25', 2.0), med('Pd', '2025-03-01', null), ...mu('2025-04-01', 1.9), ...mu('2025-05-01', 0.8)]);
    // The day-61 assessment shows a ≥50% fall; it is unconfirmed, which is not the same as no MR.
    expect(p.drugs.pomalidomide!.refractory).toBe(false);
    expect(p.flags.refractoryToLastLine).toBe(false);
  });

  it('the same history gives the same answer whether lenalidomide is one record across both lines or two back to back', () => {
    const lines = (rd: ReturnType<typeof med>[]) =>
      profileOf([...mu('2023-12-20', 4.0), ...rd, ...mu('2024-03-01', 1.8), ...mu('2024-04-01', 1.75), ...mu('2024-10-15', 1.7), ...mu('2024-11-15', 1.7)]);
    const oneRecord = lines([med('Rd', '2024-01-01', null), med('daratumumab', '2024-09-01', null)]);
    const twoRecords = lines([med('Rd', '2024-01-01', '2024-09-01'), med('daratumumab + lenalidomide + dexamethasone', '2024-09-01', null)]);
    expect(oneRecord.linesOfTherapy.count).toBe(2);
    expect(twoRecords.linesOfTherapy.count).toBe(2);
    expect(twoRecords.drugs.lenalidomide!.refractory).toBe(oneRecord.drugs.lenalidomide!.refractory);
    expect(twoRecords.flags.refractoryToLastLine).toBe(oneRecord.flags.refractoryToLastLine);
  });

  it('held: 55 days in is not judged, 56 is (reported SD); a response before keeps it responsive', () => {
    const at = (day: string, cat = 'SD') => profileOf([...line1, med('Pd', '2025-03-01', null), response(day, cat)]);
    expect(at('2025-04-25').drugs.pomalidomide!.refractory).toBe(false); // 55 days
    expect(at('2025-04-26').drugs.pomalidomide!.refractory).toBe(true); // 56 days
    expect(profileOf([...line1, med('Pd', '2025-03-01', null), response('2025-03-29', 'MR'), response('2025-05-10', 'SD')]).drugs.pomalidomide!.refractory).toBe(false);
  });

  it('held: maintenance after a response (computed VGPR/PR series) is not nonresponsive; a re-challenge without MR is', () => {
    const maint = profileOf([...mu('2022-12-20', 4.0), med('VRd', '2023-01-01', '2023-05-01', { intent: 'induction' }), ...mu('2023-03-01', 1.0), ...mu('2023-04-01', 0.9), sct('2023-06-01'), med('lenalidomide', '2023-09-01', null, { intent: 'maintenance' }), ...mu('2023-12-01', 0.9), ...mu('2024-03-01', 0.9)]);
    expect(maint.drugs.lenalidomide!.refractory).toBe(false);
    const rechallenge = profileOf([...line1, med('Pd', '2023-10-01', '2024-06-01'), response('2023-12-01', 'VGPR'), response('2024-06-10', 'PD'), med('VRd', '2024-07-01', null), response('2024-09-15', 'SD'), response('2024-11-01', 'SD')]);
    expect(rechallenge.drugs.bortezomib!.refractory).toBe(true);
    expect(rechallenge.flags.refractoryToLastLine).toBe(true);
  });
});

const pet = (date: string, result: string) => event('imaging', date, { modality: 'PET-CT', mrd: result });
const negatives = [mrd('2023-01-10', 'negative'), mrd('2024-02-01', 'negative', 'NGS', 1e-6), pet('2023-01-20', 'negative'), pet('2024-02-10', 'negative')];
const mrdNegative = { fact: 'mrd', result: 'negative', maxAgeDays: 1000 };

describe('MRD negativity lost on relapse', () => {
  it('≥5% marrow plasma cells after the negative (a relapse-from-CR event) takes it back', () => {
    const p = profileOf([...negatives, lab('2024-09-01', 'marrowPlasmaCells', 8, '%')]);
    expect(p.disease.mrd.negativityLost).toMatchObject({ date: '2024-09-01' });
    expect(outcome(mrdNegative, p)).toBe('NOT_MET');
    expect(p.disease.mrd.sustainedNegative).toBe(false);
  });

  it('a PET-CT positive after the marrow negative (loss of MRD negativity by imaging) takes it back', () => {
    const p = profileOf([...negatives, pet('2024-09-01', 'positive')]);
    expect(p.disease.mrd.negativityLost).toMatchObject({ date: '2024-09-01' });
    expect(outcome(mrdNegative, p)).toBe('NOT_MET');
  });

  it('negativity is not sustained across a relapse: negatives before a progression and negatives 9 months apart after it', () => {
    const p = profileOf([
      mrd('2022-01-10', 'negative'), pet('2022-01-20', 'negative'), mrd('2023-02-01', 'negative'), pet('2023-02-10', 'negative'),
      response('2023-06-01', 'PD'),
      mrd('2024-06-01', 'negative'), pet('2024-06-05', 'negative'), mrd('2025-03-01', 'negative'), pet('2025-03-05', 'negative'),
    ]);
    expect(p.disease.progressionDate).toBe('2023-06-01');
    expect(p.disease.mrd.sustainedNegative).toBe(false); // 2024-06-01 → 2025-03-01 is under a year
  });

  it('"≥1 year" is a calendar year: negatives from 2023-03-01 to 2024-02-29 (365 days) are not sustained; to 2024-03-01 they are', () => {
    const run = (last: string) => profileOf([mrd('2023-03-01', 'negative'), pet('2023-03-01', 'negative'), mrd(last, 'negative'), pet(last, 'negative')]).disease.mrd;
    expect(run('2024-02-29')).toMatchObject({ sustainedNegative: false, sustainedMarrowNegative: false });
    expect(run('2024-03-01')).toMatchObject({ sustainedNegative: true, sustainedMarrowNegative: true });
    // From 29 February, the year is complete on 1 March.
    const leap = (last: string) => profileOf([mrd('2024-02-29', 'negative'), pet('2024-02-29', 'negative'), mrd(last, 'negative'), pet(last, 'negative')]).disease.mrd.sustainedNegative;
    expect([leap('2025-02-28'), leap('2025-03-01')]).toEqual([false, true]);
  });

  it('held: progression or M-protein back after the negative; a re-attained negative after relapse stands', () => {
    expect(outcome(mrdNegative, profileOf([...negatives, m('2024-08-01', 0.2)]))).toBe('NOT_MET');
    expect(outcome({ ...mrdNegative, result: 'positive' }, profileOf([...negatives, response('2024-10-01', 'PD')]))).toBe('MET');
    expect(outcome(mrdNegative, profileOf([...negatives, response('2024-10-01', 'PD'), mrd('2025-04-01', 'negative'), response('2025-04-01', 'CR')]))).toBe('MET');
    // Without a response since the relapse, the new negative's CR is not known (IMWG 2016 MRD categories require CR).
    expect(outcome(mrdNegative, profileOf([...negatives, response('2024-10-01', 'PD'), mrd('2025-04-01', 'negative')]))).toBe('UNKNOWN');
    // A profile derived before negativityLost was kept: the progression after the negative is the response, below CR.
    const old = profileOf([...negatives, response('2024-10-01', 'PD')]);
    expect(outcome(mrdNegative, { ...old, disease: { ...old.disease, mrd: { ...old.disease.mrd, negativityLost: undefined } } })).toBe('NOT_MET');
  });
});

describe('non-secretory pattern (domain §5; clinical-core: "a patient in CR after a secretory myeloma is not non-secretory")', () => {
  const nowNegative = [
    m('2025-05-20', 0),
    u('2025-05-20', 0),
    lab('2025-05-20', 'freeKappa', 15, 'mg/L'),
    lab('2025-05-20', 'freeLambda', 15, 'mg/L'),
    lab('2025-05-20', 'serumImmunofixation', 0, '1', { result: 'negative' }),
    lab('2025-05-20', 'urineImmunofixation', 0, '1', { result: 'negative' }),
  ];
  it('an IgG κ myeloma (isotype on the diagnosis) now in CR is not non-secretory', () => {
    const p = profileOf([diagnosis('2023-01-01', 'IgG', 'kappa'), lab('2023-01-01', 'marrowPlasmaCells', 40, '%'), ...nowNegative]);
    expect(p.disease.measurable.nonSecretoryPattern).toBe(false);
  });
  it('held: non-secretory at diagnosis with clonal marrow stays so; an M-protein ever on record excludes it', () => {
    expect(profileOf([lab('2023-01-01', 'marrowPlasmaCells', 40, '%'), ...nowNegative]).disease.measurable.nonSecretoryPattern).toBe(true);
    expect(profileOf([lab('2023-01-01', 'marrowPlasmaCells', 40, '%'), u('2023-01-01', 300), ...nowNegative]).disease.measurable.nonSecretoryPattern).toBe(false);
  });
});
