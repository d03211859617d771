import { diagnosis, event, lab, med, response } from '../testing/events';
import { buildProfile } from './profile';

const AS_OF = '2025-06-01';
const serum = (date: string, v: number) => lab(date, 'm-protein', v, 'g/dL');
const urine = (date: string, v: number) => lab(date, 'urine m-protein', v, 'mg/24h');
const computed = (...events: Parameters<typeof buildProfile>[0]) => buildProfile(events, AS_OF).disease.computedResponse;

describe('computed IMWG 2016 response of the current line', () => {
  it.each([
    ['≥90% serum reduction with urine <100 mg/24h, twice, is VGPR', [serum('2024-12-01', 3.0), serum('2025-03-01', 0.2), urine('2025-03-01', 60), serum('2025-04-01', 0.25), urine('2025-04-01', 50)], 'VGPR'],
    ['VGPR shown once, the other assessment without urine, is PR', [serum('2024-12-01', 3.0), serum('2025-03-01', 0.2), serum('2025-04-01', 0.25), urine('2025-04-01', 50)], 'PR'],
    ['VGPR shown once, the urine not repeated at the next assessment, is PR', [serum('2024-12-01', 3.0), serum('2025-03-01', 0.2), urine('2025-03-01', 50), serum('2025-04-01', 0.2)], 'PR'],
    ['≥90% serum reduction without a urine value can only show PR', [serum('2024-12-01', 3.0), serum('2025-03-01', 0.2), serum('2025-04-01', 0.2)], 'PR'],
    ['50–89% serum reduction is PR', [serum('2024-12-01', 3.0), serum('2025-03-01', 1.2), serum('2025-04-01', 1.4)], 'PR'],
    ['25–49% serum reduction is MR', [serum('2024-12-01', 3.0), serum('2025-03-01', 2.0), serum('2025-04-01', 2.1)], 'MR'],
    ['less than 25% is SD', [serum('2024-12-01', 3.0), serum('2025-03-01', 2.6), serum('2025-04-01', 2.5)], 'SD'],
    ['the lower of two consecutive assessments counts (confirmation)', [serum('2024-12-01', 3.0), serum('2025-03-01', 1.2), serum('2025-04-01', 0.2), urine('2025-04-01', 20)], 'PR'],
    ['urine-measurable disease: −90% urine with serum PR is PR', [serum('2024-12-01', 2.0), urine('2024-12-01', 1000), serum('2025-03-01', 0.9), urine('2025-03-01', 90), serum('2025-04-01', 0.9), urine('2025-04-01', 80)], 'PR'],
    ['urine-measurable disease not re-assessed limits the response to SD', [serum('2024-12-01', 2.0), urine('2024-12-01', 1000), serum('2025-03-01', 0.5), serum('2025-04-01', 0.5)], 'SD'],
  ])('%s', (_name, labs, category) => {
    const r = computed(med('DRd', '2025-01-01', null), ...labs);
    expect(r).toMatchObject({ category, line: 1 });
  });

  it('uses marrow plasma cells (≥50% decrease from ≥30% is PR, no confirmation) when serum, urine and FLC are all unmeasurable', () => {
    const unmeasurable = [serum('2024-12-01', 0), urine('2024-12-01', 0), lab('2024-12-01', 'free kappa', 15, 'mg/L'), lab('2024-12-01', 'free lambda', 12, 'mg/L')];
    const marrow = (date: string, v: number) => lab(date, 'marrow plasma cells', v, '%');
    expect(computed(med('DRd', '2025-01-01', null), ...unmeasurable, marrow('2024-12-10', 40), marrow('2025-04-01', 20))).toMatchObject({ category: 'PR', confirmed: true });
    expect(computed(med('DRd', '2025-01-01', null), ...unmeasurable, marrow('2024-12-10', 40), marrow('2025-04-01', 21))).toMatchObject({ category: 'SD' });
    // A baseline below 30% gives no marrow response.
    expect(computed(med('DRd', '2025-01-01', null), ...unmeasurable, marrow('2024-12-10', 29), marrow('2025-04-01', 5))).toBeNull();
  });

  it('counts a response reached on a course and confirmed after its last dose: the drugs are not refractory', () => {
    const p = buildProfile(
      [
        med('VRd', '2024-01-01', '2024-04-30', { intent: 'induction', reasonStopped: 'completed' }),
        event('procedure', '2024-06-10', { kind: 'autologous-sct' }),
        med('lenalidomide', '2024-08-01', null, { intent: 'maintenance' }),
        serum('2023-12-20', 3.0),
        urine('2023-12-20', 50),
        serum('2024-02-15', 2.8),
        urine('2024-02-15', 50),
        serum('2024-04-25', 1.2), // PR on VRd…
        urine('2024-04-25', 50),
        serum('2024-05-20', 1.1), // …confirmed after its last dose, before any new therapy
        urine('2024-05-20', 50),
        serum('2024-10-01', 0.3),
        urine('2024-10-01', 50),
      ],
      AS_OF,
    );
    expect(p.drugs.bortezomib!.refractory).toBe(false);
    expect(p.flags).toMatchObject({ doubleRefractory: false, refractoryToLastLine: false, relapsedAndRefractory: false });
  });

  it('makes a progression after the latest response the current state (a CR reported before a relapse is not current)', () => {
    const history = [med('VRd', '2023-01-01', '2023-08-01'), serum('2022-12-20', 3.0), response('2023-09-01', 'CR'), serum('2023-11-01', 0.2), serum('2023-12-01', 0.2), serum('2024-03-01', 0.9), serum('2024-04-01', 1.0)];
    expect(buildProfile(history, AS_OF).disease.response).toMatchObject({ category: 'PD', date: '2024-03-01' });
    // Once the next line began, neither the CR reported in the line before nor its progression is the current response
    // (resp37 N06): the new line has not been assessed yet.
    expect(buildProfile([...history, med('DPd', '2024-05-01', null)], AS_OF).disease.response).toBeNull();
  });

  it('keeps a confirmed CR when a later marrow shows relapse, and asks each CR assessment for its own negative immunofixation', () => {
    const ife = (date: string, which: string) => event('lab', date, { name: `${which} immunofixation`, result: 'negative' });
    const marrow = (date: string, v: number) => lab(date, 'marrow plasma cells', v, '%');
    const base = [med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), urine('2024-12-01', 0), serum('2025-03-01', 0), urine('2025-03-01', 0), serum('2025-04-01', 0), urine('2025-04-01', 0), marrow('2025-03-15', 2)];
    const twice = [...base, ife('2025-03-01', 'serum'), ife('2025-03-01', 'urine'), ife('2025-04-01', 'serum'), ife('2025-04-01', 'urine')];
    expect(buildProfile([...twice, marrow('2025-05-15', 40)], AS_OF).disease.bestResponse).toBe('CR');
    expect(buildProfile(twice, AS_OF).disease.computedResponse).toMatchObject({ category: 'CR', confirmed: true });
    // One negative immunofixation is one assessment: CR not confirmed.
    expect(buildProfile([...base, ife('2025-03-01', 'serum'), ife('2025-03-01', 'urine')], AS_OF).disease.computedResponse?.category).not.toBe('CR');
  });

  it('does not call PR with the latest urine at 300 mg/24 h (serum-only disease)', () => {
    expect(computed(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), urine('2024-12-01', 150), urine('2025-02-01', 300), serum('2025-03-01', 1.2), serum('2025-04-01', 1.2), serum('2025-05-01', 1.2))).toMatchObject({ category: 'SD' });
  });

  it('reads a negative immunofixation on a day with no electrophoresis value as no M-protein: a CR by immunofixation alone, and a nadir of 0', () => {
    const ife = (date: string, which: string) => event('lab', date, { name: `${which} immunofixation`, result: 'negative' });
    const cr = [med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), lab('2025-01-20', 'marrow plasma cells', 2, '%')];
    for (const d of ['2025-03-01', '2025-04-01']) cr.push(ife(d, 'serum'), ife(d, 'urine'), urine(d, 0));
    expect(computed(...cr)).toMatchObject({ category: 'CR', confirmed: true });
    // Then the M-protein comes back, 0.6 g/dL twice: ≥0.5 g/dL above the nadir of 0 that the immunofixations confirmed.
    const p = buildProfile([...cr, serum('2025-05-01', 0.6), serum('2025-05-15', 0.6)], AS_OF);
    expect(p.disease.progressions.map((x) => x.date)).toEqual(['2025-05-01']);
    // A positive immunofixation is no value: with it alone, no assessment.
    expect(computed(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), event('lab', '2025-03-01', { name: 'serum immunofixation', result: 'positive' }))).toBeNull();
  });

  it('does not confirm CR from one immunofixation in marrow-only disease (only the marrow part needs no confirmation)', () => {
    const ife = (date: string, which: string) => event('lab', date, { name: `${which} immunofixation`, result: 'negative' });
    const r = computed(
      med('VRd', '2024-01-05', null),
      serum('2024-01-01', 0.4),
      urine('2024-01-01', 50),
      lab('2024-01-01', 'free kappa', 30, 'mg/L'),
      lab('2024-01-01', 'free lambda', 10, 'mg/L'),
      lab('2024-01-02', 'marrow plasma cells', 40, '%'),
      ife('2024-05-01', 'serum'),
      ife('2024-05-01', 'urine'),
      lab('2024-05-01', 'marrow plasma cells', 2, '%'),
    );
    // The marrow's PR stands on its own; the CR awaits a second immunofixation (resp31 K17/K18).
    expect(r).toMatchObject({ category: 'PR', confirmed: true, couldBe: { category: 'CR' } });
  });

  it('confirms CR in marrow-only disease by two consecutive negative immunofixations, the marrow between them', () => {
    const ife = (date: string, which: string) => event('lab', date, { name: `${which} immunofixation`, result: 'negative' });
    const base = [med('VRd', '2024-01-05', null), serum('2024-01-01', 0.4), urine('2024-01-01', 50), lab('2024-01-01', 'free kappa', 30, 'mg/L'), lab('2024-01-01', 'free lambda', 10, 'mg/L'), lab('2024-01-02', 'marrow plasma cells', 40, '%')];
    const r = computed(...base, ife('2024-05-01', 'serum'), ife('2024-05-01', 'urine'), lab('2024-05-15', 'marrow plasma cells', 3, '%'), ife('2024-06-01', 'serum'), ife('2024-06-01', 'urine'));
    expect(r).toMatchObject({ category: 'CR', confirmed: true });
    // A positive immunofixation between them breaks the run: PR, CR in reach again only from the next negative.
    const broken = computed(...base, ife('2024-05-01', 'serum'), ife('2024-05-01', 'urine'), lab('2024-05-15', 'marrow plasma cells', 3, '%'), event('lab', '2024-05-20', { name: 'serum immunofixation', result: 'positive' }), ife('2024-06-01', 'serum'), ife('2024-06-01', 'urine'));
    expect(broken).toMatchObject({ category: 'PR', confirmed: true });
  });

  it('is PD when a progression falls in the current line', () => {
    const r = computed(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-02-01', 1.0), serum('2025-02-15', 1.0), serum('2025-03-01', 1.6), serum('2025-04-01', 1.7));
    expect(r).toMatchObject({ category: 'PD', date: '2025-03-01' });
  });

  it('uses dFLC (≥50% decrease is PR) when serum and urine were unmeasurable at baseline', () => {
    const flc = (date: string, k: number, l: number) => [lab(date, 'free kappa', k, 'mg/L'), lab(date, 'free lambda', l, 'mg/L')];
    const r = computed(diagnosis('2020-01-01', 'none', 'kappa'), med('KPd', '2025-01-01', null), ...flc('2024-12-20', 400, 10), ...flc('2025-03-01', 150, 10), ...flc('2025-04-01', 120, 10));
    expect(r).toMatchObject({ category: 'PR', confirmed: true });
  });

  it('is unconfirmed with a single assessment, and absent without a baseline', () => {
    expect(computed(med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-03-01', 1.2))).toMatchObject({ category: 'PR', confirmed: false });
    expect(computed(med('DRd', '2025-01-01', null), serum('2025-03-01', 1.2))).toBeNull();
    expect(computed(serum('2024-12-01', 3.0))).toBeNull();
  });

  it('is CR with negative serum and urine immunofixation and <5% marrow plasma cells, sCR with a normal ratio and no clonal cells', () => {
    const ife = (date: string, which: 'serum' | 'urine', result: string) => lab(date, `${which} immunofixation`, 0, '', { result });
    const base = [med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-03-01', 0), urine('2025-03-01', 0), serum('2025-04-01', 0), urine('2025-04-01', 0)];
    const cr = [...base, ife('2025-03-01', 'serum', 'negative'), ife('2025-03-01', 'urine', 'negative'), ife('2025-04-01', 'serum', 'negative'), ife('2025-04-01', 'urine', 'negative'), lab('2025-03-15', 'marrow plasma cells', 2, '%')];
    expect(computed(...cr)).toMatchObject({ category: 'CR', confirmed: true });
    const scr = [...cr, lab('2025-03-15', 'marrow clonality', 0, '', { result: 'negative' }), lab('2025-03-01', 'flc ratio', 1.1, '1'), lab('2025-04-01', 'flc ratio', 1.0, '1')];
    expect(computed(...scr)).toMatchObject({ category: 'sCR' });
    expect(computed(...base, ife('2025-04-01', 'serum', 'positive'), ife('2025-04-01', 'urine', 'negative'), lab('2025-03-15', 'marrow plasma cells', 2, '%'))?.category).toBe('VGPR');
    expect(computed(...cr.filter((e) => e.data.name !== 'marrow plasma cells'))?.category).toBe('VGPR');
  });

  it('is the current response when it is later than the reported one; the best response spans both', () => {
    const p = buildProfile([med('DRd', '2025-01-01', null), response('2025-02-01', 'MR'), serum('2024-12-01', 3.0), serum('2025-03-01', 1.2), serum('2025-04-01', 1.0)], AS_OF);
    expect(p.disease.response).toMatchObject({ category: 'PR', source: 'computed', confirmed: true });
    expect(p.disease.reportedResponse?.category).toBe('MR');
    expect(p.disease.bestResponse).toBe('PR');
  });

  it('feeds computed assessments into nonresponse and primary refractoriness', () => {
    const p = buildProfile([med('VRd', '2024-01-01', '2024-06-01', { reasonStopped: 'other' }), serum('2023-12-20', 3.0), serum('2024-03-01', 2.8), serum('2024-05-01', 2.7)], AS_OF);
    expect(p.drugs.bortezomib!.evidence[0]).toMatchObject({ kind: 'no-response' });
    expect(p.flags.primaryRefractory).toBe(true);
  });

  it('does not call a drug stopped for toxicity after too short a trial refractory for lack of response', () => {
    const p = buildProfile([med('VRd', '2024-01-01', '2024-02-01', { reasonStopped: 'toxicity' }), serum('2023-12-20', 3.0), serum('2024-01-20', 2.9)], AS_OF);
    expect(p.drugs.bortezomib!.refractory).toBe(false);
  });

  it('calls a drug given long enough without MR nonresponsive (refractory) whatever it was stopped for', () => {
    // Kd five months, SD at every assessment (the last on day 136, past nonResponseMinDaysOngoing), stopped for toxicity.
    const p = buildProfile([med('Kd', '2024-01-01', '2024-06-01', { reasonStopped: 'toxicity' }), serum('2023-12-20', 3.0), serum('2024-03-01', 2.8), serum('2024-04-01', 2.7), serum('2024-05-16', 2.75)], AS_OF);
    expect(p.drugs.carfilzomib).toMatchObject({ refractory: true, evidence: [expect.objectContaining({ kind: 'no-response' })] });
    // Stopped by the patient's choice on day 45, its only assessments before day 56: not judged.
    const short = buildProfile([med('Kd', '2024-01-01', '2024-02-15', { reasonStopped: 'patient-choice' }), serum('2023-12-20', 3.0), serum('2024-02-01', 2.8), serum('2024-02-14', 2.8)], AS_OF);
    expect(short.drugs.carfilzomib!.refractory).toBe(false);
  });

  it('leaves the reported response beside it', () => {
    const p = buildProfile([med('DRd', '2025-01-01', null), serum('2024-12-01', 3.0), serum('2025-03-01', 1.2), response('2025-03-05', 'VGPR')], AS_OF);
    expect(p.disease.response?.category).toBe('VGPR');
    expect(p.disease.computedResponse?.category).toBe('PR');
  });
});
