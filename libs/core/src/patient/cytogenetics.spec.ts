import { event, lab } from '../testing/events';
import { readClinicalRecords } from './clinical-events';
import { canonicalAbnormality, cytogeneticRisk } from './cytogenetics';
import { buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';

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
    // The creatinine measured with the β2M decides, not the latest one.
    ['β2M 6 mg/L with renal impairment then, a normal creatinine since', [lab('2022-03-01', 'b2m', 6, 'mg/L'), lab('2022-03-01', 'creatinine', 2.5, 'mg/dL'), lab('2024-12-01', 'creatinine', 0.9, 'mg/dL')], false],
    ['β2M 6 mg/L with a normal creatinine then, renal impairment since', [lab('2022-03-01', 'b2m', 6, 'mg/L'), lab('2022-03-01', 'creatinine', 0.9, 'mg/dL'), lab('2024-12-01', 'creatinine', 2.5, 'mg/dL')], true],
    ['β2M 6 mg/L with the closest creatinine 20 days after it, normal', [lab('2024-11-01', 'b2m', 6, 'mg/L'), lab('2024-09-01', 'creatinine', 2.5, 'mg/dL'), lab('2024-11-21', 'creatinine', 1.0, 'mg/dL')], true],
    ['β2M 6 mg/L with no creatinine within 30 days', [lab('2024-11-01', 'b2m', 6, 'mg/L'), lab('2024-09-01', 'creatinine', 0.9, 'mg/dL')], false],
  ])('IMS/IMWG 2025 high risk: %s', (_name, events, highRisk) => {
    const r = risk(...events);
    expect(r.highRiskImwg2025.highRisk).toBe(highRisk);
    if (highRisk) expect(r.highRiskImwg2025.basis.length).toBeGreaterThan(0);
  });

  it("records the β2-microglobulin clause: unknown without a β2M, or a β2M ≥ 5.5 with no creatinine measured with it", () => {
    const clause = (...events: Parameters<typeof buildProfile>[0]) => risk(...events).highRiskImwg2025.beta2m;
    expect(clause()).toBe('unknown');
    expect(clause(lab('2024-11-01', 'b2m', 3, 'mg/L'))).toBe('not-met');
    expect(clause(lab('2024-11-01', 'b2m', 6, 'mg/L'), lab('2024-09-01', 'creatinine', 0.9, 'mg/dL'))).toBe('unknown');
    expect(clause(lab('2024-11-01', 'b2m', 6, 'mg/L'), lab('2024-12-01', 'creatinine', 0.9, 'mg/dL'))).toBe('met');
    expect(clause(lab('2024-11-01', 'b2m', 6, 'mg/L'), lab('2024-10-05', 'creatinine', 1.5, 'mg/dL'))).toBe('not-met');
  });

  it('takes the latest result per abnormality', () => {
    const later = event('cytogenetics', '2024-06-01', { abnormality: 'del(17p)', result: 'not-detected' });
    expect(risk(fish('del(17p)', 60), later).highRiskRiss).toBe(false);
  });

  describe('spellings (ISCN, free text, fusion names)', () => {
    it.each([
      ['del(17)(p13)', 'del(17p)'],
      ['del(17)(p13.1)', 'del(17p)'],
      ['del(17)(p11.2p13.1)', 'del(17p)'],
      // TP53 is at 17p13.1: a deletion from p13.2 or p13.3 (terminal, or within them) spares it.
      ['del(17)(p13.2)', 'del(17)(p13.2)'],
      ['del(17)(p13.3)', 'del(17)(p13.3)'],
      ['del(17)(p13.2p13.3)', 'del(17)(p13.2p13.3)'],
      ['del(17)(p13.1p13.3)', 'del(17p)'],
      ['17p deletion', 'del(17p)'],
      ['deletion 17p', 'del(17p)'],
      ['deletion of 17p13', 'del(17p)'],
      ['del 17p', 'del(17p)'],
      ['17p13-', 'del(17p)'],
      ['del(17p)/TP53', 'del(17p)'],
      ['TP53 deletion', 'del(17p)'],
      ['loss of TP53', 'del(17p)'],
      ['TP53 mutation', 'tp53-mutation'],
      ['TP53 mutated', 'tp53-mutation'],
      ['1q amplification', 'amp(1q)'],
      ['amplification of 1q', 'amp(1q)'],
      ['1q21 amplified', 'amp(1q)'],
      ['amp(1q21)', 'amp(1q)'],
      ['gain of 1q', 'gain(1q)'],
      ['1q gain', 'gain(1q)'],
      ['+1q', 'gain(1q)'],
      ['1q21 gain', 'gain(1q)'],
      ['1q21 gain/amp', 'gain(1q)'],
      ['gain/amplification of 1q21', 'gain(1q)'],
      ['del(1)(p32)', 'del(1p32)'],
      ['del(1)(p32.3)', 'del(1p32)'],
      ['1p deletion', 'del(1p32)'],
      ['del 1p32', 'del(1p32)'],
      ['1p32 loss', 'del(1p32)'],
      ['monoallelic del(1p32)', 'del(1p32)'],
      ['hemizygous 1p32 deletion', 'del(1p32)'],
      ['homozygous del(1p32)', 'del(1p32)-biallelic'],
      ['biallelic del(1p32)', 'del(1p32)-biallelic'],
      ['del(1p32) (biallelic)', 'del(1p32)-biallelic'],
      ['bi-allelic 1p32 deletion', 'del(1p32)-biallelic'],
      ['t(4;14)(p16;q32)', 't(4;14)'],
      ['t(4;14)(p16.3;q32.3)', 't(4;14)'],
      ['t(4;14) IGH::FGFR3', 't(4;14)'],
      ['IGH-FGFR3', 't(4;14)'],
      ['IGH/NSD2 fusion', 't(4;14)'],
      ['t(14;16)(q32;q23)', 't(14;16)'],
      ['IGH::MAF', 't(14;16)'],
      ['MAF/IGH', 't(14;16)'],
      ['t(14;20)(q32;q12)', 't(14;20)'],
      ['IGH/MAFB', 't(14;20)'],
      ['t(11;14)(q13;q32)', 't(11;14)'],
      ['IGH-CCND1', 't(11;14)'],
      ['CCND1/IGH rearrangement', 't(11;14)'],
    ])('reads %s as %s', (text, canonical) => {
      expect(canonicalAbnormality(text)).toBe(canonical);
    });

    it.each(['del(17p)', 'tp53-mutation', 't(4;14)', 't(14;16)', 't(14;20)', 't(11;14)', 'gain(1q)', 'amp(1q)', 'del(1p32)', 'del(1p32)-biallelic'])('keeps the canonical name %s', (name) => {
      expect(canonicalAbnormality(name)).toBe(name);
    });

    it.each(['del(17q)', 'del(17)(q21)', '17q-', 'del(1q)', '1q-', 'del(1)(p36)', '1p36 deletion', 'IGH rearrangement', 't(4;11)', 'TP53'])('does not fold %s into another abnormality', (text) => {
      const c = canonicalAbnormality(text);
      expect(['del(17p)', 'gain(1q)', 'amp(1q)', 'del(1p32)', 'del(1p32)-biallelic', 't(4;14)', 't(14;16)', 't(14;20)', 't(11;14)'].includes(c) ? c : 'not folded').toBe('not folded');
    });
  });

  it('a later positive del(17)(p13) wins over an earlier negative del(17p)', () => {
    const negative = event('cytogenetics', '2023-03-01', { abnormality: 'del(17p)', result: 'not-detected' });
    const positive = event('cytogenetics', '2024-03-01', { abnormality: 'del(17)(p13)', result: 'detected', percentCells: 60 });
    const r = risk(negative, positive);
    expect(r.abnormalities).toEqual([expect.objectContaining({ abnormality: 'del(17p)', detected: true, percentCells: 60, date: '2024-03-01' })]);
    expect(r.highRiskRiss).toBe(true);
    expect(r.highRiskImwg2025.basis).toContain('del(17p) in ≥20% of clonal cells');
  });

  describe('copy number (domain §6: 1q gain = 3 copies, amp = ≥4; 1p32 with no copy left is biallelic)', () => {
    /** Records as the reader gives them, with the copy number of each event on its record (whether or not the reader passes it yet). */
    const cyto = (abnormality: string, copyNumber: number | null, date = '2024-01-01', result = 'detected', percentCells = 40) =>
      event('cytogenetics', date, { abnormality, result, percentCells, ...(copyNumber !== null ? { copyNumber } : {}) });
    const riskOf = (...events: Parameters<typeof buildProfile>[0]) => {
      const records = readClinicalRecords(events, '2025-01-01');
      const copies = new Map(events.map((e) => [e.eventId, typeof e.data.copyNumber === 'number' ? e.data.copyNumber : null]));
      return cytogeneticRisk({ ...records, cytogenetics: records.cytogenetics.map((c) => ({ ...c, copyNumber: copies.get(c.eventId) ?? null })) }, {}, DEFAULT_SETTINGS);
    };
    const names = (r: ReturnType<typeof riskOf>) => r.abnormalities.filter((a) => a.detected).map((a) => a.abnormality);

    it('del(1p32) with 0 copies is biallelic, high risk on its own (2025)', () => {
      const r = riskOf(cyto('del(1p32)', 0));
      expect(names(r)).toEqual(['del(1p32)-biallelic']);
      expect(r.abnormalities[0]!.copyNumber).toBe(0);
      expect(r.highRiskImwg2025).toEqual({ highRisk: true, basis: ['biallelic del(1p32)'], beta2m: 'unknown' });
    });

    it('del(1p32) with 1 copy is monoallelic, whatever the text says', () => {
      const r = riskOf(cyto('biallelic del(1p32)', 1));
      expect(names(r)).toEqual(['del(1p32)']);
      expect(r.highRiskImwg2025.highRisk).toBe(false);
    });

    it.each([
      ['1q gain', 3, 'gain(1q)'],
      ['1q gain', 4, 'amp(1q)'],
      ['gain(1q21)', 5, 'amp(1q)'],
      ['amp(1q)', 3, 'gain(1q)'],
      ['1q21 gain/amp', 4, 'amp(1q)'],
    ])('%s with %i copies is %s', (text, copies, canonical) => {
      const r = riskOf(cyto(text, copies));
      expect(names(r)).toEqual([canonical]);
      expect(r.abnormalities[0]!.copyNumber).toBe(copies);
    });

    it('without a copy number the name stands', () => {
      expect(names(riskOf(cyto('1q gain', null), cyto('del(1p32)', null)))).toEqual(['gain(1q)', 'del(1p32)']);
    });

    it('a later negative for the locus rules out the earlier narrower form', () => {
      expect(riskOf(cyto('del(1p32)', 0, '2023-01-01'), cyto('del(1p32)', null, '2024-01-01', 'not-detected')).highRiskImwg2025.highRisk).toBe(false);
      const r = riskOf(cyto('t(4;14)', null, '2023-01-01'), cyto('1q gain', 4, '2023-01-01'), cyto('1q gain', null, '2024-01-01', 'not-detected'));
      expect(names(r)).toEqual(['t(4;14)']);
      expect(r.highRiskImwg2025.highRisk).toBe(false);
    });

    it('a later copy number short of the narrower form rules it out', () => {
      const r = riskOf(cyto('del(1p32)', 0, '2023-01-01'), cyto('del(1p32)', 1, '2024-01-01'));
      expect(names(r)).toEqual(['del(1p32)']);
      expect(r.highRiskImwg2025.highRisk).toBe(false);
      expect(names(riskOf(cyto('amp(1q)', 5, '2023-01-01'), cyto('1q gain', 3, '2024-01-01')))).toEqual(['gain(1q)']);
    });

    // End to end once clinical-events.ts passes `copyNumber` through on the record (skipped until then).
    const readerPassesCopyNumber = 'copyNumber' in (readClinicalRecords([cyto('del(1p32)', 0)], '2025-01-01').cytogenetics[0] ?? {});
    (readerPassesCopyNumber ? it : it.skip)('reads the copy number from the FISH event', () => {
      expect(risk(cyto('del(1p32)', 0)).highRiskImwg2025).toEqual({ highRisk: true, basis: ['biallelic del(1p32)'], beta2m: 'unknown' });
    });
  });
});
