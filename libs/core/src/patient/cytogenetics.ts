import type { ClinicalRecords } from './clinical-events';
import { closestTo, type LatestLab } from './labs';
import type { ProfileSettings } from './settings';

export interface CytogeneticFinding {
  abnormality: string;
  detected: boolean;
  percentCells: number | null;
  /** Copy number when the report gives one (1q: 3 = gain, ≥4 = amplification; 1p32: 0 = biallelic, 1 = monoallelic). */
  copyNumber: number | null;
  date: string;
  provenance: string[];
}

export interface CytogeneticRisk {
  abnormalities: CytogeneticFinding[];
  /** R-ISS (Palumbo 2015): del(17p), t(4;14) or t(14;16). */
  highRiskRiss: boolean;
  /** IMS/IMWG 2025 (Avet-Loiseau, JCO 2025), with the criteria met. */
  highRiskImwg2025: {
    highRisk: boolean;
    basis: string[];
    /**
     * Its β2-microglobulin clause (≥ 5.5 mg/L with normal creatinine): 'unknown' with no β2M, or a β2M ≥ 5.5 without a
     * creatinine within `beta2mCreatinineMaxDays` of it. (Absent from profiles derived before settings v9.)
     */
    beta2m?: Outcome3;
  };
  t11_14: boolean;
  /**
   * Abnormalities whose latest results, of one day, disagree (detected and not detected): which is right is not
   * known, so they count as not tested (v13). Absent when none.
   */
  conflicting?: Array<{ abnormality: string; date: string; provenance: string[] }>;
}
type Outcome3 = 'met' | 'not-met' | 'unknown';

/*
 * Spellings seen in reports, folded to one name each. Matched against the lower-cased text with the spaces
 * taken out, so "del 17p" is "del17p" and "17p deletion" is "17pdeletion".
 */
/** Band of a short name, with or without it: 17p, 17p13, 17p13.1. */
const band = (arm: string, b: string): string => `${arm}(${b}(\\.\\d+)*)?`;
const P17 = band('17p', '13');
/**
 * ISCN deletions that take the locus: a terminal deletion from any band of the arm proximal to it (one band:
 * del(17)(p13.1), del(17)(p11.2); del(1)(p32), del(1)(p22)), or an interstitial one with the locus at one end.
 * TP53 is at 17p13.1: a terminal deletion from p13.2 or p13.3, or an interstitial one within them, spares it.
 */
const ISCN_DEL17P = 'del\\(17\\)\\(p(1[12][\\d.]*|13(\\.1[\\d.]*)?|(?!13\\.[23][\\d.]*p13\\.[23])(1[123][\\d.]*p13[\\d.]*|13[\\d.]*p1[123][\\d.]*))\\)';
const ISCN_DEL1P32 = 'del\\(1\\)\\(p((1\\d|2\\d|3[12])[\\d.]*|[123]\\d[\\d.]*p32[\\d.]*|32[\\d.]*p3\\d[\\d.]*)\\)';
const Q1 = band('1q', '21');
const P1 = band('1p', '32');
/** Words for a deletion, a gain and an amplification, written before ("deletion of 17p") or after ("17p deletion"). */
const DEL = '(del|deletion|deleted|loss)';
const GAIN = '(gain|gained|dup|duplication)';
const AMP = '(amp|amplification|amplified)';
const before = (word: string, locus: string): string => `${word}(of)?[-_]?\\(?${locus}\\)?`;
const after = (locus: string, word: string): string => `\\(?${locus}\\)?[-_]?${word}`;
const any = (...alternatives: string[]): RegExp => new RegExp(`^(${alternatives.join('|')})$`);

/** ISCN band of a translocation, e.g. (p16;q32) or (p16.3;q32.33). */
const BANDS = '(\\([pq][\\d.]*;[pq][\\d.]*\\))?';
/** Fusion names of a translocation in either order, any separator (IGH-FGFR3, IGH::MAF, FGFR3/IGH), optionally "fusion"/"rearrangement". */
const fusion = (...partners: string[]): string => {
  const p = `(${partners.join('|')})`;
  return `(igh(::|[-_/:])${p}|${p}(::|[-_/:])igh)([-_]?(fusion|rearrangement|translocation))?`;
};
/** A translocation in ISCN, in either order, with or without its bands and a fusion name after it; or its fusion name alone. */
const translocation = (a: number, b: number, ...partners: string[]): RegExp => {
  const t = `(t|translocation)\\(?(${a}[;,]${b}|${b}[;,]${a})\\)?${BANDS}`;
  const f = fusion(...partners);
  return any(`${t}([-_]?\\(?${f}\\)?)?`, f);
};

const CANONICAL: Array<[RegExp, string]> = [
  // del(17p): the TP53 locus, however reached (ISCN del(17)(p13), "17p-", "TP53 deletion"); not del(17q), not a TP53 mutation.
  [new RegExp(`^(${[before(DEL, P17), after(P17, `(-|${DEL})`), ISCN_DEL17P, before(DEL, 'tp53'), after('tp53', DEL)].join('|')})([-_/]?\\(?tp53\\)?)?$`), 'del(17p)'],
  [any('tp53', `tp53[-_]?(mut|mutation|mutated|mutant)`, `(mutated|mutant|mutation(of)?)[-_]?tp53`), 'tp53-mutation'],
  [translocation(4, 14, 'fgfr3', 'nsd2', 'mmset', 'whsc1'), 't(4;14)'],
  [translocation(14, 16, 'c-?maf', 'maf'), 't(14;16)'],
  [translocation(14, 20, 'mafb'), 't(14;20)'],
  [translocation(11, 14, 'ccnd1', 'bcl1'), 't(11;14)'],
  // 1q: "gain/amp" without a copy number is read as 1q+ (gain); a copy number settles it (see copyNumber).
  [any(before(`(${GAIN}|\\+)`, Q1), after(Q1, `(\\+|${GAIN})`), before(`${GAIN}/${AMP}`, Q1), after(Q1, `${GAIN}/${AMP}`), before(`${AMP}/${GAIN}`, Q1), after(Q1, `${AMP}/${GAIN}`)), 'gain(1q)'],
  [any(before(AMP, Q1), after(Q1, AMP)), 'amp(1q)'],
  [any(before(DEL, P1), after(P1, `(-|${DEL})`), ISCN_DEL1P32), 'del(1p32)'],
];
/** Words saying both copies (or one copy) are lost: "homozygous del(1p32)", "del(1p32), biallelic", "bi-allelic 1p32 deletion". */
const BIALLELIC = /^(.*?)[-_,;]?\(?(biallelic|bi-allelic|homozygous)\)?[-_,;]?(.*?)$/;
const MONOALLELIC = /^(.*?)[-_,;]?\(?(monoallelic|mono-allelic|heterozygous|hemizygous)\)?[-_,;]?(.*?)$/;
const TRANSLOCATION = /^t\(/;

function fold(t: string): string {
  return CANONICAL.find(([re]) => re.test(t))?.[1] ?? t;
}
const NAMES = new Set([...CANONICAL.map(([, name]) => name), 'del(1p32)-biallelic']);

export function canonicalAbnormality(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, '');
  const direct = fold(t);
  if (NAMES.has(direct)) return direct;
  const bi = BIALLELIC.exec(t);
  const biCore = bi ? fold(`${bi[1]}${bi[3]}`) : null;
  if (biCore === 'del(1p32)' || biCore === 'del(1p32)-biallelic') return 'del(1p32)-biallelic';
  if (biCore !== null && NAMES.has(biCore)) return biCore;
  const mono = MONOALLELIC.exec(t);
  const monoCore = mono ? fold(`${mono[1]}${mono[3]}`) : null;
  if (monoCore !== null && NAMES.has(monoCore)) return monoCore === 'del(1p32)-biallelic' ? 'del(1p32)' : monoCore;
  return t;
}

/**
 * The copy number, when reported, decides between the forms of 1q and of del(1p32) (domain §6, a convention: gain = 3
 * copies, amplification = ≥4, `amp1qMinCopies`; 1p32 with no copy left is biallelic, with one monoallelic). Otherwise
 * the name stands.
 */
function byCopyNumber(abnormality: string, copyNumber: number | null, ampMinCopies: number): string {
  if (copyNumber === null) return abnormality;
  if (abnormality === 'gain(1q)' || abnormality === 'amp(1q)') return copyNumber >= ampMinCopies ? 'amp(1q)' : copyNumber >= 3 ? 'gain(1q)' : abnormality;
  if (abnormality === 'del(1p32)' || abnormality === 'del(1p32)-biallelic') return copyNumber === 0 ? 'del(1p32)-biallelic' : copyNumber === 1 ? 'del(1p32)' : abnormality;
  return abnormality;
}
/** A negative for the locus rules out its narrower forms too: no 1q gain, no amplification; no 1p32 deletion, no biallelic one. */
const NARROWER: Partial<Record<string, string>> = { 'gain(1q)': 'amp(1q)', 'del(1p32)': 'del(1p32)-biallelic' };

/**
 * Latest result per abnormality, with FISH positivity cut-offs applied when % cells is reported
 * (EMN: fusion/break-apart probes ≥ settings.fishCutoffs.translocation, numerical/deletion probes ≥
 * settings.fishCutoffs.copyNumber); then R-ISS and IMS/IMWG 2025 high risk.
 */
export function cytogeneticRisk(records: ClinicalRecords, labs: Partial<Record<string, LatestLab>>, s: ProfileSettings): CytogeneticRisk {
  const latest = new Map<string, CytogeneticFinding>();
  const conflicts = new Map<string, { abnormality: string; date: string; provenance: string[] }>();
  const ruledOut = new Set<CytogeneticFinding>();
  for (const c of records.cytogenetics) {
    // The copy number, once the record carries it (optional here so either shape of the record reads).
    const reported = (c as { copyNumber?: number | null }).copyNumber;
    const copyNumber = typeof reported === 'number' && Number.isFinite(reported) ? reported : null;
    const abnormality = byCopyNumber(canonicalAbnormality(c.abnormality), copyNumber, s.amp1qMinCopies);
    const cutoff = abnormality === 'tp53-mutation' ? 0 : TRANSLOCATION.test(abnormality) ? s.fishCutoffs.translocation : s.fishCutoffs.copyNumber;
    const detected = c.detected && (c.percentCells === null || c.percentCells >= cutoff);
    const finding = { detected, percentCells: c.percentCells, copyNumber, date: c.date, provenance: [c.eventId] };
    // Two results of one day for the abnormality that disagree: neither is known to be the later.
    const held = latest.get(abnormality);
    const open = conflicts.get(abnormality);
    // (A negative made by a broader result of the day, below, is no result of the day to disagree with: rev32 C02.)
    if (held && held.date === c.date && held.detected !== detected && !ruledOut.has(held)) conflicts.set(abnormality, { abnormality, date: c.date, provenance: [...(open?.date === c.date ? open.provenance : held.provenance), c.eventId] });
    else if (open && open.date !== c.date) conflicts.delete(abnormality);
    else if (open) open.provenance.push(c.eventId);
    latest.set(abnormality, { abnormality, ...finding });
    // A later result that rules out the narrower form supersedes an earlier one: a negative for the locus, or a
    // copy number short of it (1q with < 4 copies is no amplification; 1p32 with a copy left is not biallelic).
    // (After byCopyNumber, a copy number on gain(1q) or del(1p32) is always short of the narrower form.)
    // Of the same day, it supersedes nothing (cyto31 X01–X06): a negative for the locus beside its narrower form found
    // disagrees (below), and a gain's copy number beside an amplification's is another subclone.
    const narrower = NARROWER[abnormality];
    const heldNarrower = narrower ? latest.get(narrower) : undefined;
    if (narrower && heldNarrower && heldNarrower.date < c.date && (!detected || copyNumber !== null)) {
      const negative = { abnormality: narrower, ...finding, detected: false };
      ruledOut.add(negative);
      latest.set(narrower, negative);
    }
  }
  // A negative for the locus and its narrower form found, of one day: which is right is not known; both count as not tested.
  for (const [broad, narrow] of Object.entries(NARROWER) as Array<[string, string]>) {
    const b = latest.get(broad);
    const n = latest.get(narrow);
    if (b && n && b.date === n.date && !b.detected && n.detected) {
      for (const a of [broad, narrow]) if (!conflicts.has(a)) conflicts.set(a, { abnormality: a, date: b.date, provenance: [...b.provenance, ...n.provenance] });
    }
  }
  // The locus's results of one day disagree: a narrower form found before and ruled out by them is not known to be ruled
  // out (cyto37 D41/D42): not tested, like the locus.
  for (const [broad, narrow] of Object.entries(NARROWER) as Array<[string, string]>) {
    const cb = conflicts.get(broad);
    const n = latest.get(narrow);
    if (cb && n && ruledOut.has(n) && n.date === cb.date && !conflicts.has(narrow)) conflicts.set(narrow, { abnormality: narrow, date: cb.date, provenance: [...cb.provenance] });
  }
  for (const a of conflicts.keys()) latest.delete(a);
  const has = (a: string): boolean => latest.get(a)?.detected === true;
  const del17p20 = latest.get('del(17p)');
  const onePlus = has('gain(1q)') || has('amp(1q)');
  const basis: string[] = [];
  // A del(17p) reported without its fraction is taken as above the cut-off (labs report it positive above theirs), and said so.
  if (del17p20?.detected && (del17p20.percentCells === null || del17p20.percentCells >= 20)) basis.push(del17p20.percentCells === null ? 'del(17p) detected (fraction of clonal cells not reported: taken as ≥20%)' : 'del(17p) in ≥20% of clonal cells');
  if (has('tp53-mutation')) basis.push('TP53 mutation');
  const translocations = ['t(4;14)', 't(14;16)', 't(14;20)'].filter(has);
  if (translocations.length > 0 && (onePlus || has('del(1p32)'))) basis.push(`${translocations.join(', ')} with ${onePlus ? '1q gain/amplification' : 'del(1p32)'}`);
  if (has('del(1p32)-biallelic')) basis.push('biallelic del(1p32)');
  else if (has('del(1p32)') && onePlus) basis.push('del(1p32) with 1q gain/amplification');
  const b2m = labs.beta2Microglobulin;
  // "With normal creatinine": the creatinine measured with the β2M (the closest to it, the later on a tie, at most
  // `beta2mCreatinineMaxDays` away), at or below its reported ULN, else below `beta2mNormalCreatinineBelowMgDl` (a convention).
  const scr = b2m ? closestTo(records.labs.filter((l) => l.name === 'creatinine'), b2m.date, s.beta2mCreatinineMaxDays) : undefined;
  const normalCreatinine = (x: NonNullable<typeof scr>): boolean => (x.uln !== null ? x.value <= x.uln : x.value < s.beta2mNormalCreatinineBelowMgDl);
  // Creatinines of that one time that disagree on it leave it unknown, whatever their ids (cyto37 D13).
  const scrTied = scr ? records.labs.filter((l) => l.name === 'creatinine' && l.date === scr.date && (l.at ?? null) === (scr.at ?? null)) : [];
  const scrUnsure = new Set(scrTied.map(normalCreatinine)).size > 1;
  const creatinineNormal = scr !== undefined && !scrUnsure && normalCreatinine(scr);
  // Each β2M value of the β2M's time (cyto31 X14): values on both sides of 5.5 leave the clause unknown.
  const b2mOutcome = (v: number): Outcome3 => (v < 5.5 ? 'not-met' : !scr || scrUnsure ? 'unknown' : creatinineNormal ? 'met' : 'not-met');
  const b2mOutcomes = b2m ? [...new Set([b2m.value, ...(b2m.sameTime ?? [])].map(b2mOutcome))] : [];
  const beta2m: Outcome3 = b2mOutcomes.length === 1 ? b2mOutcomes[0]! : 'unknown';
  if (beta2m === 'met') basis.push(`β2-microglobulin ${b2m!.value} mg/L (${b2m!.date}) with normal creatinine (${scr!.value} mg/dL, ${scr!.date})`);
  return {
    abnormalities: [...latest.values()],
    highRiskRiss: has('del(17p)') || has('t(4;14)') || has('t(14;16)'),
    highRiskImwg2025: { highRisk: basis.length > 0, basis, beta2m },
    t11_14: has('t(11;14)'),
    ...(conflicts.size > 0 ? { conflicting: [...conflicts.values()] } : {}),
  };
}
