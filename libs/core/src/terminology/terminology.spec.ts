import { DRUG_CATALOG, resolveMedication } from './drug-catalog';
import { expandRegimen } from './regimens';
import { convert } from './units';
import { CREATININE_MOLAR_MASS, labDefinition, toLabUnit } from './labs';

describe('drug catalog', () => {
  it('covers every agent of the reference list with its classes', () => {
    const generics = DRUG_CATALOG.map((d) => d.generic);
    for (const g of ['bortezomib', 'carfilzomib', 'ixazomib', 'lenalidomide', 'pomalidomide', 'thalidomide', 'iberdomide', 'mezigdomide', 'daratumumab', 'isatuximab', 'elotuzumab', 'idecabtagene vicleucel', 'ciltacabtagene autoleucel', 'anitocabtagene autoleucel', 'arlocabtagene autoleucel', 'teclistamab', 'elranatamab', 'linvoseltamab', 'talquetamab', 'cevostamab', 'etentamig', 'belantamab mafodotin', 'selinexor', 'venetoclax', 'melphalan', 'melphalan flufenamide', 'cyclophosphamide', 'bendamustine', 'doxorubicin', 'pegylated liposomal doxorubicin', 'dexamethasone', 'prednisone', 'panobinostat', 'carmustine', 'cisplatin', 'etoposide', 'zoledronic acid', 'pamidronate', 'denosumab', 'gabapentin', 'plerixafor', 'filgrastim']) {
      expect(generics).toContain(g);
    }
  });

  it.each([
    ['Revlimid', ['lenalidomide'], 'name'],
    ['CC-4047', ['pomalidomide'], 'name'],
    ['Darzalex Faspro', ['daratumumab'], 'name'],
    ['cilta-cel', ['ciltacabtagene autoleucel'], 'name'],
    ['ABBV-383', ['etentamig'], 'name'],
    ['DRd', ['daratumumab', 'lenalidomide', 'dexamethasone'], 'regimen'],
    ['DVd', ['daratumumab', 'bortezomib', 'dexamethasone'], 'regimen'],
    ['Isa-Kd', ['isatuximab', 'carfilzomib', 'dexamethasone'], 'regimen'],
    ['KPd', ['carfilzomib', 'pomalidomide', 'dexamethasone'], 'regimen'],
    ['Elo-Pd', ['elotuzumab', 'pomalidomide', 'dexamethasone'], 'regimen'],
    ['VMP', ['bortezomib', 'melphalan', 'prednisone'], 'regimen'],
    ['DCEP', ['dexamethasone', 'cyclophosphamide', 'etoposide', 'cisplatin'], 'regimen'],
    ['vrd', ['bortezomib', 'lenalidomide', 'dexamethasone'], 'regimen'],
    ['teclistamab + daratumumab', ['teclistamab', 'daratumumab'], 'combination'],
  ])('resolves %s', (text, generics, via) => {
    const r = resolveMedication({ text });
    expect(r).toMatchObject({ mapped: true, via });
    expect(r.mapped && [...r.generics].sort()).toEqual([...generics].sort());
  });

  it('keeps D (daratumumab) and d (dexamethasone) apart, and P as prednisone only in MP-type regimens', () => {
    expect(expandRegimen('Dd')?.generics).toEqual(['daratumumab', 'dexamethasone']);
    expect(expandRegimen('Pd')?.generics).toEqual(['pomalidomide', 'dexamethasone']);
    expect(expandRegimen('MPT')?.generics).toEqual(['melphalan', 'prednisone', 'thalidomide']);
    expect(expandRegimen('EPd')?.generics).toContain('elotuzumab');
    expect(expandRegimen('DCEP')?.generics).toContain('etoposide');
    expect(expandRegimen('Dara-Rd')?.generics).toEqual(['daratumumab', 'lenalidomide', 'dexamethasone']);
    expect(expandRegimen('Isa-Rd')?.generics).toEqual(['isatuximab', 'lenalidomide', 'dexamethasone']);
    expect(expandRegimen('CTD')?.generics).toEqual(['cyclophosphamide', 'thalidomide', 'dexamethasone']);
    expect(expandRegimen('VMPT')?.generics).toEqual(['bortezomib', 'melphalan', 'prednisone', 'thalidomide']);
    // PVd (OPTIMISMM) is pomalidomide with bortezomib, however it is written.
    for (const text of ['PVd', 'P-Vd', 'PomVd', 'Pom-Vd', 'pvd']) {
      expect([text, expandRegimen(text)?.generics]).toEqual([text, ['pomalidomide', 'bortezomib', 'dexamethasone']]);
      expect(resolveMedication({ text })).toMatchObject({ mapped: true, generics: ['pomalidomide', 'bortezomib', 'dexamethasone'] });
    }
  });

  it('resolves RxNorm ingredient codes and reports what it cannot map, with the original text', () => {
    expect(resolveMedication({ rxnorm: '342369' })).toMatchObject({ mapped: true, generics: ['lenalidomide'] });
    expect(resolveMedication({ text: 'Lenalidomide', rxnorm: '999999999' })).toMatchObject({ mapped: true, generics: ['lenalidomide'] });
    expect(resolveMedication({ text: 'aspirin' })).toEqual({ mapped: false, original: 'aspirin', reason: 'not a known drug, brand, code or regimen' });
    expect(resolveMedication({ text: 'VRd + unobtainium' })).toMatchObject({ mapped: false, original: 'VRd + unobtainium' });
  });

  it('reads a biologic suffix only after a generic name, and agents joined by a hyphen or a space, each of two letters or more', () => {
    const generics = (text: string) => {
      const r = resolveMedication({ text });
      return r.mapped ? r.generics : r.reason;
    };
    // An FDA suffix after the generic; not a drug's short name after another's (it had read "Elra-Dara" as elranatamab alone).
    expect([generics('filgrastim-sndz'), generics('isatuximab-irfc'), generics('Filgrastim-SNDZ')]).toEqual([['filgrastim'], ['isatuximab'], ['filgrastim']]);
    expect(generics('Elra-Dara')).toEqual(['elranatamab', 'daratumumab']);
    expect(generics('Tec-Dara')).toEqual(['teclistamab', 'daratumumab']);
    expect(generics('Mel-Pred')).toEqual(['melphalan', 'prednisone']);
    expect(generics('Sel-Vd')).toEqual(['selinexor', 'bortezomib', 'dexamethasone']);
    expect(generics('Dara Rd')).toEqual(['daratumumab', 'lenalidomide', 'dexamethasone']);
    expect(generics('Sarclisa-Kd')).toEqual(['isatuximab', 'carfilzomib', 'dexamethasone']);
    // A part not known, or a single letter (D, P, E are ambiguous), leaves the whole text reported.
    expect([generics('Dara-Zzzz'), generics('V-R-D'), generics('Pom-Dexa')]).toEqual(Array(3).fill('not a known drug, brand, code or regimen'));
    // A route, a dose, a dose level.
    expect([generics('Daratumumab IV'), generics('Revlimid 10 mg'), generics('bortezomib 1.3 mg/m2'), generics('high-dose melphalan')]).toEqual([['daratumumab'], ['lenalidomide'], ['bortezomib'], ['melphalan']]);
    // Regimen spellings.
    expect([generics('DVTd'), generics('Dara-VMP'), generics('PomDex'), generics('XPd')]).toEqual([
      ['daratumumab', 'bortezomib', 'thalidomide', 'dexamethasone'],
      ['daratumumab', 'bortezomib', 'melphalan', 'prednisone'],
      ['pomalidomide', 'dexamethasone'],
      ['selinexor', 'pomalidomide', 'dexamethasone'],
    ]);
  });
});

describe('units (UCUM)', () => {
  it.each([
    [1.2, 'g/dL', 12, 'g/L'],
    [12, 'g/L', 1.2, 'g/dL'],
    [10, 'mg/dL', 100, 'mg/L'],
    [88.4, 'µmol/L', 1, 'mg/dL'],
    [1.5, 'x10^9/L', 1.5, '10*3/uL'],
    [200, 'mg/24h', 200, 'mg/(24.h)'],
  ])('%p %s is %p %s', (v, from, expected, to) => {
    const r = convert(v, from, to, from.includes('mol') ? CREATININE_MOLAR_MASS : undefined);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value).toBeCloseTo(expected, 3);
  });

  it.each(['μmol/L', 'µmol/L'])('reads %s (Greek mu or micro sign) and 24-hour urine spellings', (unit) => {
    expect(convert(88.4, unit, 'mg/dL', CREATININE_MOLAR_MASS)).toEqual({ ok: true, value: expect.closeTo(1, 9) });
    for (const u of ['mg/24 hr', 'mg/24hrs', 'mg/24 hrs']) expect(convert(250, u, 'mg/(24.h)')).toEqual({ ok: true, value: 250 });
    expect(convert(0.25, 'g/24 h', 'mg/(24.h)')).toEqual({ ok: true, value: 250 });
  });

  it('converts creatinine from µmol/L by dividing by 88.4, as Cockcroft–Gault is stated', () => {
    const r = convert(70.72, 'umol/L', 'mg/dL', CREATININE_MOLAR_MASS);
    expect(r.ok && r.value).toBeCloseTo(0.8, 12);
  });

  it('converts calcium in mEq/L by its charge (1 mEq/L is 0.5 mmol/L) and refuses equivalents without one', () => {
    const calcium = labDefinition(undefined, 'calcium')!;
    const r = toLabUnit(5, 'mEq/L', calcium);
    expect(r.ok && r.value).toBeCloseTo((2.5 * 40.078) / 10, 9);
    expect(toLabUnit(2.75, 'mmol/L', calcium)).toEqual({ ok: true, value: expect.closeTo(11.02145, 9) });
    expect(convert(5, 'mEq/L', 'mg/dL', 40.078).ok).toBe(false);
  });

  it('converts beta-2 microglobulin from nmol/L at 11,800 g/mol (84.7 nmol/L is 1 mg/L)', () => {
    const b2m = labDefinition('1952-1')!;
    const r = toLabUnit(297, 'nmol/L', b2m);
    expect(r.ok && r.value).toBeCloseTo(297 / 84.746, 3);
    expect(toLabUnit(3.5, 'mg/L', b2m)).toEqual({ ok: true, value: 3.5 });
  });

  it('refuses a conversion across dimensions', () => {
    expect(convert(1, 'g/dL', 'mg/(24.h)')).toEqual({ ok: false, reason: 'cannot convert g/dL to mg/(24.h)' });
  });

  it('finds labs by LOINC code or chart name', () => {
    expect(labDefinition('33358-3')?.name).toBe('serumMProtein');
    expect(labDefinition(undefined, 'Haemoglobin')?.name).toBe('hemoglobin');
    expect(labDefinition('0000-0', 'nonsense')).toBeUndefined();
  });
});

describe('RxNorm product codes the reference lists', () => {
  it('teclistamab and elotuzumab coded by product', () => {
    expect(resolveMedication({ rxnorm: '2619432' })).toMatchObject({ mapped: true, generics: ['teclistamab'] });
    expect(resolveMedication({ rxnorm: '1726110' })).toMatchObject({ mapped: true, generics: ['elotuzumab'] });
  });
});
