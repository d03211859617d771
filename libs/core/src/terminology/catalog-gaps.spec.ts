import { classesOf, drug, resolveMedication } from './drug-catalog';
import { expandRegimen } from './regimens';
import { LAB_DEFINITIONS, labDefinition } from './labs';
import { convert, toUcum } from './units';

/** Spellings charts and trial texts use that the catalog and the unit reader used to reject. */
describe('units: enzyme activity in IU/L', () => {
  it.each(['IU/L', 'iu/l', 'IU/l', ' IU/L ', '[IU]/L', 'UI/L'])('reads AST/ALT in %p as U/L (1 IU/L = 1 U/L)', (unit) => {
    expect(convert(42, unit, 'U/L')).toEqual({ ok: true, value: 42 });
  });

  it('keeps U/L itself and refuses IU/L for a mass unit', () => {
    expect(convert(42, 'U/L', 'U/L')).toEqual({ ok: true, value: 42 });
    expect(convert(42, 'IU/L', 'mg/dL').ok).toBe(false);
  });
});

describe('units: cell counts with µ, μ, × and superscripts', () => {
  it.each([
    [1500, 'cells/µL', 1.5],
    [1500, 'cells/μL', 1.5],
    [1500, '/µL', 1.5],
    [1500, '/μL', 1.5],
    [1500, '/uL', 1.5],
    [1500, 'cells/mm3', 1.5],
    [1500, '/mm³', 1.5],
    [75, 'x10^3/µL', 75],
    [75, '×10^3/µL', 75],
    [75, '× 10³/µL', 75],
    [75, 'K/µL', 75],
    [75, 'K/μL', 75],
    [75, '10^3/μL', 75],
    [75, 'x10E3/uL', 75],
    [75, '10*3/uL', 75],
    [1.5, '×10^9/L', 1.5],
    [1.5, '× 10^9/L', 1.5],
    [1.5, '×10⁹/L', 1.5],
    [1.5, '10⁹/L', 1.5],
    [1.5, '10^9/L', 1.5],
    [1.5, 'x10*9/L', 1.5],
    [1.5, '10E9/L', 1.5],
    [1.5, 'x 10^9 /L', 1.5],
    [1.5, 'G/L', 1.5],
    [1.5, 'Giga/L', 1.5],
  ])('%p %s is %p ×10^9/L', (value, unit, expected) => {
    const r = convert(value, unit, '10*9/L');
    expect(r).toEqual({ ok: true, value: expect.closeTo(expected, 9) });
  });

  it('reads ×10^9/L the other way round too', () => {
    expect(convert(1.5, '10*9/L', '/µL')).toEqual({ ok: true, value: 1500 });
    expect(convert(1.5, '10*9/L', 'cells/μL')).toEqual({ ok: true, value: 1500 });
  });

  it('reads µ and μ as the micro prefix in any unit (µg/L, μkat/L)', () => {
    expect(convert(1, 'µg/L', 'ng/mL')).toEqual({ ok: true, value: 1 });
    expect(convert(1, 'μg/L', 'ng/mL')).toEqual({ ok: true, value: 1 });
    expect(convert(1, 'µkat/L', 'U/L')).toEqual({ ok: true, value: 60 });
  });

  it('does not read a count unit without its exponent marker (×109/L is ambiguous) or a mass unit as a count', () => {
    expect(convert(1.5, '×109/L', '10*9/L').ok).toBe(false);
    expect(convert(1.5, 'g/L', '10*9/L').ok).toBe(false);
  });

  it('gives UCUM codes for the spellings', () => {
    expect(toUcum('/µL')).toBe('/uL');
    expect(toUcum('×10⁹/L')).toBe('10*9/L');
    expect(toUcum('K/µL')).toBe('10*3/uL');
    expect(toUcum('IU/L')).toBe('U/L');
    expect(toUcum('lbs')).toBe('[lb_av]');
  });
});

describe('units: weight in pounds', () => {
  it.each(['lb', 'lbs', 'LB', 'Lbs', 'pound', 'pounds', '[lb_av]', 'lb_av'])('reads 154 %s as kg', (unit) => {
    expect(convert(154, unit, 'kg')).toEqual({ ok: true, value: expect.closeTo(69.853225, 5) });
  });

  it('keeps kg spellings', () => {
    expect(convert(70, 'kg', 'kg')).toEqual({ ok: true, value: 70 });
    expect(convert(70, 'kgs', 'kg')).toEqual({ ok: true, value: 70 });
  });
});

describe('drug catalog: subcutaneous daratumumab (with hyaluronidase)', () => {
  it.each([
    'daratumumab / hyaluronidase',
    'daratumumab/hyaluronidase',
    'daratumumab and hyaluronidase',
    'Daratumumab and Hyaluronidase',
    'daratumumab-hyaluronidase',
    'daratumumab-hyaluronidase-fihj',
    'daratumumab / hyaluronidase-fihj',
    'daratumumab and hyaluronidase-fihj',
    'daratumumab + hyaluronidase',
    'daratumumab with hyaluronidase (human recombinant)',
  ])('maps %p to daratumumab alone', (text) => {
    const r = resolveMedication({ text });
    expect(r).toMatchObject({ mapped: true, generics: ['daratumumab'], original: text });
  });

  it('keeps the other drugs of a combination written with it', () => {
    const r = resolveMedication({ text: 'daratumumab and hyaluronidase + pomalidomide + dexamethasone' });
    expect(r).toMatchObject({ mapped: true, via: 'combination' });
    expect(r.mapped && [...r.generics].sort()).toEqual(['daratumumab', 'dexamethasone', 'pomalidomide']);
  });

  it('does not call hyaluronidase alone an anti-myeloma drug, and says why it is not mapped', () => {
    const r = resolveMedication({ text: 'hyaluronidase' });
    expect(r).toMatchObject({ mapped: false, original: 'hyaluronidase' });
    expect(!r.mapped && r.reason).toMatch(/excipient/);
  });

  it('still refuses an unknown drug beside hyaluronidase', () => {
    expect(resolveMedication({ text: 'unobtainium and hyaluronidase' })).toMatchObject({ mapped: false });
  });
});

describe('drug catalog: lymphodepletion and alkylators', () => {
  it('knows fludarabine as a supportive (lymphodepleting) agent, never an anti-myeloma one', () => {
    const e = drug('fludarabine');
    expect(e).toMatchObject({ generic: 'fludarabine', antiMyeloma: false });
    expect(classesOf('fludarabine')).toEqual(['SUPPORTIVE']);
    for (const text of ['Fludarabine', 'fludarabine phosphate', 'Fludara']) expect(resolveMedication({ text })).toMatchObject({ mapped: true, generics: ['fludarabine'] });
  });

  it.each(['Flu/Cy', 'FluCy', 'Flu-Cy', 'Cy/Flu', 'fludarabine + cyclophosphamide', 'fludarabine/cyclophosphamide'])('reads the lymphodepletion regimen %p', (text) => {
    const r = resolveMedication({ text });
    expect(r.mapped && [...r.generics].sort()).toEqual(['cyclophosphamide', 'fludarabine']);
  });

  it('does not read "Flu" alone (influenza) as fludarabine', () => {
    expect(resolveMedication({ text: 'Flu' })).toMatchObject({ mapped: false });
    expect(expandRegimen('flu')).toBeNull();
  });

  it('has bendamustine as an anti-myeloma alkylator', () => {
    expect(drug('bendamustine')).toMatchObject({ antiMyeloma: true, classes: ['ALKYLATOR'] });
    expect(resolveMedication({ text: 'Bendeka' })).toMatchObject({ mapped: true, generics: ['bendamustine'] });
  });
});

describe('lab catalog: LVEF and absolute circulating plasma cells', () => {
  it('has LVEF in % by LOINC code and chart name', () => {
    for (const code of ['10230-1', '18043-0', '8806-2']) expect(labDefinition(code)?.name).toBe('lvef');
    for (const name of ['LVEF', 'left ventricular ejection fraction', 'LV ejection fraction', 'Ejection fraction']) expect(labDefinition(undefined, name)?.name).toBe('lvef');
    const def = LAB_DEFINITIONS.find((d) => d.name === 'lvef')!;
    expect(def.unit).toBe('%');
    expect(convert(45, '%', def.unit)).toEqual({ ok: true, value: 45 });
  });

  it('has an absolute circulating plasma-cell count in ×10^9/L beside the percentage', () => {
    const abs = LAB_DEFINITIONS.find((d) => d.name === 'circulatingPlasmaCellsAbsolute')!;
    expect(abs.unit).toBe('10*9/L');
    expect(labDefinition(undefined, 'absolute circulating plasma cells')?.name).toBe('circulatingPlasmaCellsAbsolute');
    expect(labDefinition(undefined, 'circulating plasma cells')?.name).toBe('circulatingPlasmaCells');
    // The legacy PCL count threshold: > 2 ×10^9/L, written as cells/µL.
    expect(convert(2000, 'cells/µL', abs.unit)).toEqual({ ok: true, value: 2 });
  });

  it('with the unit given, routes a plasma-cell count to the lab whose unit it converts to', () => {
    expect(labDefinition(undefined, 'circulating plasma cells', '%')?.name).toBe('circulatingPlasmaCells');
    expect(labDefinition(undefined, 'circulating plasma cells', '×10^9/L')?.name).toBe('circulatingPlasmaCellsAbsolute');
    expect(labDefinition(undefined, 'circulating plasma cells', 'cells/µL')?.name).toBe('circulatingPlasmaCellsAbsolute');
    expect(labDefinition(undefined, 'absolute circulating plasma cells', '%')?.name).toBe('circulatingPlasmaCells');
    // A unit neither takes keeps the named lab (the caller reports the conversion failure).
    expect(labDefinition(undefined, 'circulating plasma cells', 'mg/dL')?.name).toBe('circulatingPlasmaCells');
    // Labs without a sibling are unaffected by the unit.
    expect(labDefinition('751-8', undefined, 'mg/dL')?.name).toBe('anc');
  });

  it('keeps every lab name unique and every alias and code pointing at one lab', () => {
    const names = LAB_DEFINITIONS.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    const owner = new Map<string, string>();
    for (const d of LAB_DEFINITIONS) {
      for (const a of new Set([d.name.toLowerCase(), ...d.aliases])) {
        expect([a, owner.get(a) ?? d.name]).toEqual([a, d.name]);
        owner.set(a, d.name);
      }
    }
    const codes = LAB_DEFINITIONS.flatMap((d) => d.loinc);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
