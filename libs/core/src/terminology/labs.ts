import { convert, type Conversion } from './units';

/**
 * Laboratory measures the profile uses: LOINC codes (from domain.md's table, plus the common chemistry
 * codes marked below), chart names, and the unit every value is normalized to.
 */
/**
 * Creatinine's molar mass as the conversion domain.md gives for Cockcroft–Gault: mg/dL = µmol/L ÷ 88.4
 * exactly (113.12 g/mol would divide by 88.4017).
 */
export const CREATININE_MOLAR_MASS = 10_000 / 88.4;

export interface LabDefinition {
  name: LabName;
  loinc: readonly string[];
  aliases: readonly string[];
  unit: string;
  /** Needed to convert molar units (µmol/L) to mass units. */
  molarMass?: number;
  /** The ion's charge, needed to convert equivalents (calcium in mEq/L). */
  charge?: number;
  /** Reported as positive/negative (stored as 1/0), not as a quantity. */
  qualitative?: boolean;
  /**
   * The largest value, in `unit`, a living patient's result can have (above the highest values reported in
   * the literature, with a margin): a value above it is a unit or entry mistake (haemoglobin 120 "g/dL" for
   * 120 g/L, albumin 38 "g/dL" for 38 g/L, platelets 150000 "×10^9/L" for 150000/µL), reported, not read.
   */
  plausibleMax?: number;
  /**
   * The smallest value, in `unit`, a patient's result can have, where 0 or near it is no result (weight, creatinine,
   * haemoglobin, albumin, the κ/λ ratio): a value below it is an entry mistake, reported, not read.
   */
  plausibleMin?: number;
}

export type LabName =
  | 'serumMProtein'
  | 'urineMProtein'
  | 'freeKappa'
  | 'freeLambda'
  | 'flcRatio'
  | 'creatinine'
  | 'anc'
  | 'platelets'
  | 'hemoglobin'
  | 'ast'
  | 'alt'
  | 'bilirubin'
  | 'calcium'
  | 'albumin'
  | 'ldh'
  | 'beta2Microglobulin'
  | 'marrowPlasmaCells'
  | 'serumImmunofixation'
  | 'urineImmunofixation'
  | 'marrowClonalPlasmaCells'
  | 'circulatingPlasmaCells'
  | 'circulatingPlasmaCellsAbsolute'
  | 'lvef'
  | 'egfr'
  | 'measuredCreatinineClearance'
  | 'weight';

export const LAB_DEFINITIONS: readonly LabDefinition[] = [
  { name: 'serumMProtein', loinc: ['33358-3'], aliases: ['m-protein', 'm-spike', 'serum m-protein', 'spep m-spike'], unit: 'g/dL', plausibleMax: 20 },
  { name: 'urineMProtein', loinc: ['42482-0'], aliases: ['urine m-protein', 'upep m-spike', '24h urine m-protein'], unit: 'mg/(24.h)', plausibleMax: 100000 },
  { name: 'freeKappa', loinc: ['36916-5', '104544-2', '80515-0'], aliases: ['free kappa', 'kappa flc', 'serum free kappa'], unit: 'mg/L', plausibleMax: 1000000 },
  { name: 'freeLambda', loinc: ['33944-0'], aliases: ['free lambda', 'lambda flc', 'serum free lambda'], unit: 'mg/L', plausibleMax: 1000000 },
  { name: 'flcRatio', loinc: ['48378-4', '104546-7', '80517-6'], aliases: ['kappa/lambda ratio', 'flc ratio', 'k/l ratio'], unit: '1', plausibleMin: 0.000001, plausibleMax: 1000000 },
  { name: 'creatinine', loinc: ['2160-0'], aliases: ['creatinine', 'serum creatinine'], unit: 'mg/dL', molarMass: CREATININE_MOLAR_MASS, plausibleMax: 40, plausibleMin: 0.05 },
  { name: 'anc', loinc: ['751-8', '753-4'], aliases: ['anc', 'absolute neutrophil count', 'neutrophils'], unit: '10*9/L', plausibleMax: 100 },
  { name: 'platelets', loinc: ['777-3'], aliases: ['platelets', 'platelet count', 'plt'], unit: '10*9/L', plausibleMax: 5000 },
  // Haemoglobin in mmol/L (the Netherlands) counts the monomer: 16,114.5 g/mol, so 1 mmol/L is 1.611 g/dL.
  { name: 'hemoglobin', loinc: ['718-7'], aliases: ['hemoglobin', 'haemoglobin', 'hgb', 'hb'], unit: 'g/dL', molarMass: 16114.5, plausibleMax: 25, plausibleMin: 1 },
  // Common chemistry codes (LOINC 1920-8 AST, 1742-6 ALT, 1975-2 total bilirubin, 17861-6 calcium,
  // 1751-7 albumin, 2532-0 LDH, 1952-1 beta-2 microglobulin): verify before binding a feed to them.
  { name: 'ast', loinc: ['1920-8'], aliases: ['ast', 'sgot', 'aspartate aminotransferase'], unit: 'U/L', plausibleMax: 100000 },
  { name: 'alt', loinc: ['1742-6'], aliases: ['alt', 'sgpt', 'alanine aminotransferase'], unit: 'U/L', plausibleMax: 100000 },
  { name: 'bilirubin', loinc: ['1975-2'], aliases: ['bilirubin', 'total bilirubin'], unit: 'mg/dL', molarMass: 584.66, plausibleMax: 100 },
  { name: 'calcium', loinc: ['17861-6'], aliases: ['calcium', 'serum calcium'], unit: 'mg/dL', molarMass: 40.078, charge: 2, plausibleMax: 30 },
  { name: 'albumin', loinc: ['1751-7'], aliases: ['albumin', 'serum albumin'], unit: 'g/dL', plausibleMax: 10, plausibleMin: 0.5 },
  { name: 'ldh', loinc: ['2532-0'], aliases: ['ldh', 'lactate dehydrogenase'], unit: 'U/L', plausibleMax: 100000 },
  // β2-microglobulin in nmol/L (some European laboratories): 11,800 g/mol, the 11.8 kDa protein (1 mg/L is 84.7 nmol/L).
  { name: 'beta2Microglobulin', loinc: ['1952-1'], aliases: ['beta-2 microglobulin', 'b2m', 'β2-microglobulin'], unit: 'mg/L', molarMass: 11800, plausibleMax: 500 },
  // LOINC 11118-7 "Plasma cells/100 cells in Bone marrow by Manual count" (%), as public lab-to-LOINC mappings give it;
  // 25700-6 "Immunofixation for Serum or Plasma" and 49275-1, its narrative interpretation (a laboratory catalogue
  // lists both for its serum monoclonal protein study), 13440-3 "Immunofixation for Urine": verify against your
  // laboratory's before binding a feed to them. No LOINC code for marrow clonality (flow cytometry's 93021-4 is MRD).
  { name: 'marrowPlasmaCells', loinc: ['11118-7'], aliases: ['bone marrow plasma cells', 'marrow plasma cells', 'bmpc'], unit: '%', plausibleMax: 100 },
  { name: 'serumImmunofixation', loinc: ['25700-6', '49275-1'], aliases: ['serum immunofixation', 'serum ife', 'ife serum'], unit: '{result}', qualitative: true },
  { name: 'urineImmunofixation', loinc: ['13440-3'], aliases: ['urine immunofixation', 'urine ife', 'ife urine'], unit: '{result}', qualitative: true },
  { name: 'marrowClonalPlasmaCells', loinc: [], aliases: ['marrow clonal plasma cells', 'marrow clonality', 'bone marrow clonal plasma cells'], unit: '{result}', qualitative: true },
  { name: 'circulatingPlasmaCells', loinc: [], aliases: ['circulating plasma cells', 'peripheral blood plasma cells'], unit: '%', plausibleMax: 100 },
  // The same cells counted (the pre-2021 plasma cell leukaemia definition: > 2 ×10^9/L).
  { name: 'circulatingPlasmaCellsAbsolute', loinc: [], aliases: ['absolute circulating plasma cells', 'circulating plasma cell count', 'absolute circulating plasma cell count', 'peripheral blood plasma cell count'], unit: '10*9/L', plausibleMax: 500 },
  // Left ventricular ejection fraction (cardiac eligibility, "LVEF ≥ 40%"). LOINC 10230-1 (LVEF) and 18043-0
  // (LVEF by US) as loinc.org and public code lists name them; 8806-2 as public LVEF code lists give it
  // (its method not checked against the LOINC table): verify before binding a feed to them.
  { name: 'lvef', loinc: ['10230-1', '18043-0', '8806-2'], aliases: ['lvef', 'lv ef', 'left ventricular ejection fraction', 'lv ejection fraction', 'ejection fraction'], unit: '%', plausibleMax: 100 },
  // Renal function as reported (domain.md §7: "respect the method named (CG, eGFR, 24-h urine)"): an estimated GFR
  // per 1.73 m² (creatinine-based: MDRD 33914-3, 77147-7; CKD-EPI 62238-1; CKD-EPI 2021 98979-8; the race-specific
  // pairs a report gives side by side, MDRD 48642-3/48643-1 and CKD-EPI 88293-6/88294-4, are left unmapped: one
  // report would give two values) and a creatinine clearance measured on a 24-hour urine (2164-2). Codes as
  // public code lists give them, not checked against the LOINC table: verify before binding a feed to them.
  { name: 'egfr', loinc: ['33914-3', '77147-7', '62238-1', '98979-8'], aliases: ['egfr', 'estimated gfr', 'estimated glomerular filtration rate', 'gfr estimated'], unit: 'mL/min/{1.73_m2}', plausibleMax: 300 },
  { name: 'measuredCreatinineClearance', loinc: ['2164-2'], aliases: ['measured creatinine clearance', '24h urine creatinine clearance', '24-hour urine creatinine clearance', 'creatinine clearance 24h urine'], unit: 'mL/min', plausibleMax: 400 },
  { name: 'weight', loinc: ['29463-7'], aliases: ['weight', 'body weight'], unit: 'kg', plausibleMax: 650, plausibleMin: 1 },
];

const byLoinc = new Map<string, LabDefinition>();
const byAlias = new Map<string, LabDefinition>();
for (const d of LAB_DEFINITIONS) {
  for (const c of d.loinc) byLoinc.set(c, d);
  for (const a of [d.name.toLowerCase(), ...d.aliases]) byAlias.set(a, d);
}

/** Labs that are one measure reported in units that do not convert (a percentage and a count). */
const SAME_MEASURE: ReadonlyArray<readonly LabName[]> = [['circulatingPlasmaCells', 'circulatingPlasmaCellsAbsolute']];
const siblings = new Map<LabName, LabDefinition[]>();
for (const group of SAME_MEASURE) {
  const defs = group.map((n) => LAB_DEFINITIONS.find((d) => d.name === n)!);
  for (const d of defs) siblings.set(d.name, defs.filter((x) => x !== d));
}
/** A value in `unit` as the catalog holds the lab (its unit, converted with its molar mass and charge). */
export function toLabUnit(value: number, unit: string, d: LabDefinition): Conversion {
  return d.unit === '1' && unit.trim() === '1' ? { ok: true, value } : convert(value, unit, d.unit, d.molarMass, d.charge);
}
const takes = (d: LabDefinition, unit: string): boolean => toLabUnit(1, unit, d).ok;

/**
 * The lab a LOINC code (first) or chart name names. With the unit, a measure the catalog holds in two
 * units that do not convert (circulating plasma cells in % and in ×10^9/L) is the one the unit fits,
 * whichever of the two was named; a unit neither takes leaves the named lab.
 */
export function labDefinition(code?: string, name?: string, unit?: string): LabDefinition | undefined {
  // A code names what was measured (specimen and method): one not in the catalog is not read by its name (a urine
  // creatinine, LOINC 2161-8, named "creatinine" is not the serum one; a UPCR named "urine m-protein" is not 24-h).
  const found = code?.trim() ? byLoinc.get(code.trim()) : name ? byAlias.get(name.trim().toLowerCase()) : undefined;
  if (!found || unit === undefined) return found;
  const others = siblings.get(found.name);
  if (!others || takes(found, unit)) return found;
  return others.find((d) => takes(d, unit)) ?? found;
}
