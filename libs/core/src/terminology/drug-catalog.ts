import { DRUG_CATALOG, type DrugEntry } from './drug-catalog.data';
import type { DrugClass } from './drug-classes';
import { expandRegimen } from './regimens';

export { DRUG_CATALOG, type DrugEntry };

const fold = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

const byGeneric = new Map<string, DrugEntry>();
const byName = new Map<string, DrugEntry>();
const byRxnorm = new Map<string, DrugEntry>();
for (const e of DRUG_CATALOG) {
  byGeneric.set(e.generic, e);
  for (const name of [e.generic, ...e.brands, ...e.synonyms]) byName.set(fold(name), e);
  for (const code of e.rxnorm) byRxnorm.set(code, e);
}

/** Cytarabine appears in conditioning regimens (BeEAM) but is not in the myeloma reference list. */
const EXTRA: DrugEntry[] = [{ generic: 'cytarabine', classes: ['CHEMOTHERAPY_OTHER'], brands: [], synonyms: ['Ara-C'], rxnorm: [], antiMyeloma: true, investigational: false }];
for (const e of EXTRA) {
  byGeneric.set(e.generic, e);
  for (const name of [e.generic, ...e.synonyms]) byName.set(fold(name), e);
}

/** A research code ("PF-06863135", "JNJ-64007957", "CC-220"): letters then digits, written with or without a hyphen or space. */
const RESEARCH_CODE = /^[a-z]{2,5}[- ]?\d{2,}[a-z0-9-]*$/i;
const compactCode = (s: string): string => s.toLowerCase().replace(/[-\s]/g, '');
const byCode = new Map<string, DrugEntry>();
for (const e of DRUG_CATALOG) for (const name of e.synonyms) if (RESEARCH_CODE.test(name.trim())) byCode.set(compactCode(name), e);

/**
 * Hyaluronidase is the dispersion enhancer co-formulated with subcutaneous daratumumab ("daratumumab and
 * hyaluronidase-fihj", Darzalex Faspro): an excipient, not an agent of its own. Written with a drug
 * ("daratumumab / hyaluronidase", "daratumumab-hyaluronidase-fihj") it is dropped and the drug read;
 * written alone it is not mapped.
 */
const EXCIPIENT = /\s*(?:[-+/,;]|\band\b|\bwith\b)?\s*\bhyaluronidase(?:-[a-z]{4})?\b(?:\s*\((?:recombinant\s+)?human(?:\s+recombinant)?\))?/gi;
const EXCIPIENT_ALONE = 'hyaluronidase is an excipient (the dispersion enhancer of subcutaneous daratumumab), not a drug';
const dropExcipients = (text: string): string => text.replace(EXCIPIENT, '').replace(/^\s*(?:[+/,;]|and\b|with\b)\s*/i, '').trim();

export function drug(generic: string): DrugEntry | undefined {
  return byGeneric.get(generic);
}

export function classesOf(generic: string): readonly DrugClass[] {
  return byGeneric.get(generic)?.classes ?? [];
}

export type MedicationResolution =
  | { mapped: true; generics: string[]; via: 'rxnorm' | 'name' | 'regimen' | 'combination'; regimen?: string; original: string }
  | { mapped: false; original: string; reason: string };

/**
 * Resolves what a chart says was given (a generic, brand, research code, abbreviation, regimen
 * abbreviation, a "+"-joined combination, or an RxNorm ingredient code) to generic names. What
 * cannot be resolved is reported as unmapped with the original text, never dropped.
 */
export function resolveMedication(input: { text?: string; rxnorm?: string }): MedicationResolution {
  const original = input.text ?? (input.rxnorm ? `RxNorm ${input.rxnorm}` : '');
  if (input.rxnorm) {
    const e = byRxnorm.get(input.rxnorm.trim());
    if (e) return { mapped: true, generics: [e.generic], via: 'rxnorm', original };
  }
  const text = input.text?.trim();
  if (!text) return { mapped: false, original, reason: input.rxnorm ? `RxNorm code ${input.rxnorm} is not in the catalog` : 'no drug named' };
  const direct = byName.get(fold(text));
  if (direct) return { mapped: true, generics: [direct.generic], via: 'name', original };
  // A research code written another way ("PF06863135", "REGN 5458", "CC220").
  const coded = RESEARCH_CODE.test(text) ? byCode.get(compactCode(text)) : undefined;
  if (coded) return { mapped: true, generics: [coded.generic], via: 'name', original };
  // A name with a note in parentheses ("teclistamab (MajesTEC-1)", "Carvykti (cilta-cel)", "KRd (carfilzomib,
  // lenalidomide, dexamethasone)"): the name, when the note names no other drug and does not say it may not have been
  // given ("Rd (+ daratumumab)", "iberdomide (or placebo)" stay reported).
  const noted = /^([^()]+?)\s*\(([^()]*)\)\s*$/.exec(text);
  if (noted && !/placebo|held|not\s+given|withheld|\bor\b/i.test(noted[2]!)) {
    const r = resolveMedication({ text: noted[1]! });
    // Every drug a word of the note names, a regimen's too ("daratumumab (with Rd)").
    const others = noted[2]!.split(/[^A-Za-z0-9-]+/).filter(Boolean).flatMap((w) => {
      const x = resolveMedication({ text: w });
      return x.mapped ? x.generics : [];
    });
    if (r.mapped && others.every((g) => r.generics.includes(g))) return { ...r, original };
  }
  // A biologic's FDA suffix of four lower-case letters after its generic name ("filgrastim-sndz", "epoetin alfa-epbx",
  // "isatuximab-irfc"): the generic. Not after a short name or brand, nor a suffix that is a drug itself ("Elra-Dara").
  const biosimilar = /^(.+?)-([a-z]{4})$/i.exec(text);
  const base = biosimilar ? byName.get(fold(biosimilar[1]!)) : undefined;
  if (base && fold(base.generic) === fold(biosimilar![1]!) && !byName.has(fold(biosimilar![2]!))) return { mapped: true, generics: [base.generic], via: 'name', original };
  // A route or a dose after the name, a dose level before it ("Daratumumab IV", "Revlimid 10 mg", "high-dose
  // melphalan"): the drug.
  const qualified =
    /^(.+?)\s+(?:IV|SC|PO|i\.v\.|s\.c\.|intravenous(?:ly)?|subcutaneous(?:ly)?|oral(?:ly)?|\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|g)(?:\s*\/\s*(?:m2|m²|kg))?)$/i.exec(text) ??
    /^(?:high|low|reduced|full)[- ]dose\s+(.+)$/i.exec(text) ??
    // The intent written after the name ("Revlimid maintenance", "lenalidomide 10 mg maint."; expo37 O07/O08): the drug.
    /^(.+?)\s+(?:maintenance|maint\.?|consolidation|induction)$/i.exec(text) ??
    // An RxNorm clinical drug's name: ingredient, strength, dose form ("lenalidomide 10 MG Oral Capsule").
    /^(.+?)\s+\d+(?:\.\d+)?\s*(?:MG|MCG|G|UNT)(?:\s*\/\s*(?:ML|M2|KG))?\s+(?:Oral\s+(?:Capsule|Tablet|Solution)|Injectable\s+(?:Solution|Suspension)|Injection|Prefilled\s+Syringe|(?:Intravenous|Subcutaneous)\s+Solution|Powder\s+for\s+[\w ]+)$/i.exec(text);
  if (qualified) {
    const r = resolveMedication({ text: qualified[1]! });
    if (r.mapped) return { ...r, original };
  }
  const withoutExcipient = dropExcipients(text);
  if (withoutExcipient !== text) {
    if (!withoutExcipient) return { mapped: false, original, reason: EXCIPIENT_ALONE };
    const r = resolveMedication({ text: withoutExcipient });
    return r.mapped ? { ...r, original } : { mapped: false, original, reason: r.reason };
  }
  const regimen = expandRegimen(text);
  if (regimen) return { mapped: true, generics: [...regimen.generics], via: 'regimen', regimen: regimen.regimen, original };
  const parts = text.split(/\s*(?:\+|\/|,|;|\band\b|\bwith\b)\s*/i).filter(Boolean);
  if (parts.length > 1) {
    const generics: string[] = [];
    for (const part of parts) {
      const r = resolveMedication({ text: part });
      if (!r.mapped) return { mapped: false, original, reason: `"${part}" is not a known drug or regimen` };
      generics.push(...r.generics);
    }
    return { mapped: true, generics: [...new Set(generics)], via: 'combination', original };
  }
  // Joined by hyphens or spaces ("Elra-Dara", "Pom-dex", "Sel-Vd", "Dara Rd"): read when every part, of two letters or
  // more (a single letter is ambiguous: D, P, E), is a drug or a regimen; otherwise reported as a whole.
  const pieces = text.split(/\s*-\s*|\s+/).filter(Boolean);
  if (pieces.length > 1 && pieces.every((x) => x.length >= 2)) {
    const read = pieces.map((x) => resolveMedication({ text: x }));
    if (read.every((r) => r.mapped)) return { mapped: true, generics: [...new Set(read.flatMap((r) => (r.mapped ? r.generics : [])))], via: 'combination', original };
  }
  return { mapped: false, original, reason: 'not a known drug, brand, code or regimen' };
}

/**
 * The drugs a text the catalog cannot read as a whole names in its words ("daratumumab (with Rd)", "Revlimid
 * maintenance", "iberdomide (or placebo)"): each word, or hyphen-joined piece, read as a drug, brand, code or regimen.
 * Such a medication may have been those drugs (expo37 O01).
 */
export function drugsNamedIn(text: string): string[] {
  const words = text.split(/[^A-Za-z0-9-]+/).flatMap((w) => [w, ...w.split('-')]).filter((w) => w.length >= 2);
  return [...new Set(words.flatMap((w) => {
    const r = resolveMedication({ text: w });
    return r.mapped ? r.generics : [];
  }))];
}
