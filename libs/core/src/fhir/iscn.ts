import { canonicalAbnormality } from '../patient/cytogenetics';

/** One abnormality an ISCN description says was looked for, and whether it was found. */
export interface IscnFinding {
  abnormality: string;
  detected: boolean;
  /** Of the nuclei scored, those with the pattern (the clones with it added up: [30/200]/[15/200] → 22.5), for FISH. */
  percentCells: number | null;
  copyNumber: number | null;
}

/** What an ISCN description says of the abnormalities the profile reads; `unread` (with the reason) when any part of it cannot be read safely. */
export type IscnReading = { findings: IscnFinding[] } | { unread: string };

/** Probe names as laboratories write them, to one name each (IGH@ → IGH, C-MAF → MAF, MMSET/WHSC1 → NSD2). */
function probe(name: string): string {
  const n = name.trim().toUpperCase().replace(/@$/, '').replace(/^[53]'/, '');
  return ({ 'C-MAF': 'MAF', CMAF: 'MAF', MMSET: 'NSD2', WHSC1: 'NSD2', CEP17: 'D17Z1' } as Record<string, string>)[n] ?? n;
}
const IGH_PARTNERS: Record<string, string> = { FGFR3: 't(4;14)', NSD2: 't(4;14)', CCND1: 't(11;14)', MAF: 't(14;16)', MAFB: 't(14;20)' };
const TRANSLOCATIONS = [...new Set(Object.values(IGH_PARTNERS))];

/** One nucleus pattern (a clone) of an interphase FISH result: copy numbers, fusions with IGH, and its share of the nuclei. */
interface Clone {
  copies: Map<string, number>;
  fused: Set<string>;
  /** Partners probed with IGH side by side, unfused. */
  unfused: Set<string>;
  /** An IGH break-apart signal split (a rearrangement with a partner not named). */
  split: boolean;
  nuclei: { n: number; of: number } | null;
}

const unread = (reason: string): { unread: string } => ({ unread: reason });

/**
 * Reads an ISCN description (HL7 Genomics Reporting's "Variant ISCN", LOINC 81291-7) for the myeloma abnormalities
 * the profile reads, or says why it cannot: what is read either way is safe, a part that cannot be read makes the
 * whole description unread (never a "not found" guessed from what was not understood).
 *
 * Interphase FISH (`nuc ish`), clone by clone (separated by `/`, each with its [nuclei/scored]): TP53 below two copies
 * del(17p) (two copies beside more of the chromosome 17 centromere, a relative loss, is not read); CKS1B (1q21)
 * three or more copies gain(1q), four or more amp(1q); CDKN2C (1p32) one copy or none del(1p32), none biallelic; IGH
 * fused (`con`, `::`) with FGFR3/NSD2/MMSET, CCND1, MAF or MAFB t(4;14), t(11;14), t(14;16), t(14;20), the two probes
 * side by side unfused not found (an IGH break-apart split beside them makes the clone unread). The share of each is
 * the clones with it added up; a clone with the pattern but no count of nuclei, a copy number given as a range (x1~2),
 * or a group that cannot be parsed, is unread. A karyotype (before `nuc ish`, or alone): its structural abnormalities
 * by name (t(11;14)(q13;q32), der(14)t(4;14)(p16;q32), del(17)(p13), -17, i(17)(q10), i(1)(q10), dup(1)(q12q32),
 * del(1)(p32)), found; it says nothing of what it does not show. A karyotype and FISH that disagree are unread.
 */
export function readIscn(description: string): IscnReading {
  const text = description.replace(/×/g, 'x').replace(/\s+/g, ' ').trim();
  const ish = [...text.matchAll(/(^|[\s.])(nuc\s?ish|ish)\b/gi)];
  if (ish.length > 1) return unread('more than one FISH description');
  if (ish.length === 1 && !/^nuc/i.test(ish[0]![2]!)) return unread('metaphase FISH (ish) is not read');
  const karyotype = (ish.length === 1 ? text.slice(0, ish[0]!.index) : text).replace(/[.\s]+$/, '');
  const fromKaryotype = karyotype === '' ? [] : readKaryotype(karyotype);
  if (ish.length === 0) return { findings: fromKaryotype };
  const fish = readNucIsh(text.slice(ish[0]!.index + ish[0]![0].length));
  if ('unread' in fish) return fish;
  const findings = [...fish.findings];
  for (const k of fromKaryotype) {
    const f = findings.find((x) => x.abnormality === k.abnormality || (k.abnormality === 'gain(1q)' && x.abnormality === 'amp(1q)'));
    if (f && !f.detected) return unread(`the karyotype shows ${k.abnormality}, the FISH does not`);
    if (!f) findings.push(k);
  }
  return { findings };
}

/** The karyotype's structural abnormalities the profile reads, each found (a karyotype says nothing of what it does not show). */
function readKaryotype(karyotype: string): IscnFinding[] {
  const found = new Set<string>();
  for (const raw of karyotype.split(/[,/]/)) {
    const item = raw.replace(/\[[^\]]*\]|\bcp\b/gi, '').trim().toLowerCase();
    const derivative = /^der\([^)]*\)(t\(.*)$/.exec(item)?.[1];
    const isochromosome1q = /^i\(1\)\(q10\)$/.test(item);
    const loss17p = /^-17$|^i\(17\)\(q10\)$/.test(item);
    const dup1q = /^dup\(1\)\(q(\d+)[\d.]*q(\d+)[\d.]*\)$/.exec(item);
    if (isochromosome1q || (dup1q && Number(dup1q[1]) <= 21 && Number(dup1q[2]) >= 21)) found.add('gain(1q)');
    else if (loss17p) found.add('del(17p)');
    else if (/^(t|del)\(/.test(item) || derivative) {
      const name = canonicalAbnormality(derivative ?? item);
      if (name === 'del(17p)' || name === 'del(1p32)' || TRANSLOCATIONS.includes(name)) found.add(name);
    }
  }
  return [...found].map((abnormality) => ({ abnormality, detected: true, percentCells: null, copyNumber: null }));
}

/**
 * The clones (separated by `/`) and separately scored probe sets (`,` after a count: `(TP53x1)[68/200],(CKS1Bx3)[120/200]`)
 * of a FISH description, each with its own count of nuclei; a slash or comma inside parentheses or brackets is not one.
 */
function segments(body: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && (ch === '/' || (ch === ',' && body.slice(start, i).trimEnd().endsWith(']')))) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
  }
  out.push(body.slice(start));
  return out;
}

function readNucIsh(body: string): IscnReading {
  const clones: Clone[] = [];
  // "TP53 x 1" is TP53x1.
  for (const raw of segments(body.replace(/\s*x\s*(\d)/gi, 'x$1'))) {
    const counted = /^(.*?)\[\s*(\d+)\s*(?:\/\s*(\d+)\s*)?\]\s*$/.exec(raw.trim());
    const pattern = (counted ? counted[1]! : raw).trim();
    const clone: Clone = { copies: new Map(), fused: new Set(), unfused: new Set(), split: false, nuclei: counted?.[3] !== undefined ? { n: Number(counted[2]), of: Number(counted[3]) } : null };
    if (clone.nuclei && (clone.nuclei.of === 0 || clone.nuclei.n > clone.nuclei.of)) return unread(`a count of nuclei that cannot be (${raw.trim()})`);
    // Signal groups: an optional band, (probes) with an optional shared copy number, and an optional relation: 17p13.1(TP53x1), (FGFR3,IGH)x3(FGFR3 con IGHx2).
    let rest = pattern;
    while (rest !== '') {
      const g = /^,?\s*(?:\d{1,2}[pq][\d.]*)?\(([^()]*)\)(?:x(\d+)(?!~))?(?:\(([^()]*)\))?\s*/i.exec(rest);
      if (!g) return unread(`a signal pattern not read (${rest})`);
      rest = rest.slice(g[0].length);
      const relation = g[3] ?? (/\bcon\b|::|\bsep\b/i.test(g[1]!) ? g[1]! : null);
      if (relation !== g[1]) {
        for (const p of g[1]!.split(',')) {
          const c = /^\s*(\S+?)(?:x(\d+))?\s*$/i.exec(p);
          if (!c || /~/.test(p)) return unread(`a probe not read (${p.trim()})`);
          const copies = c[2] ?? g[2];
          if (copies === undefined) return unread(`a probe without its copy number (${p.trim()})`);
          clone.copies.set(probe(c[1]!), Number(copies));
        }
      }
      if (relation !== null) {
        const r = /^\s*([^\s:]+?)(?:x\d+)?\s*(con|::|sep)\s*([^\s:]+?)(?:x\d+)?\s*$/i.exec(relation);
        if (!r) return unread(`a relation of signals not read (${relation})`);
        const [a, b] = [probe(r[1]!), probe(r[3]!)];
        if (r[2]!.toLowerCase() === 'sep') {
          if (a === 'IGH' && b === 'IGH') clone.split = true;
          continue;
        }
        const partner = a === 'IGH' ? b : b === 'IGH' ? a : null;
        if (partner && IGH_PARTNERS[partner]) clone.fused.add(IGH_PARTNERS[partner]);
      }
    }
    for (const [partner, t] of Object.entries(IGH_PARTNERS)) if (clone.copies.has(partner) && clone.copies.has('IGH') && !clone.fused.has(t)) clone.unfused.add(t);
    if (clone.split && clone.unfused.size > 0) return unread('an IGH break-apart split beside partner probes without a fusion');
    clones.push(clone);
  }
  return combine(clones);
}

/** Each abnormality over the clones: found in those with the pattern (their nuclei added up), not found when every clone probed for it is normal. */
function combine(clones: readonly Clone[]): IscnReading {
  const findings: IscnFinding[] = [];
  // The abnormal clones' nuclei over the nuclei scored with that probe (one total for all its clones).
  const share = (probed: readonly Clone[], abnormal: readonly Clone[]): number | null | 'uncounted' => {
    if (abnormal.length === 0) return null;
    const scored = new Set(probed.flatMap((c) => (c.nuclei ? [c.nuclei.of] : [])));
    if (abnormal.some((c) => !c.nuclei) || scored.size !== 1) return 'uncounted';
    return Math.round((abnormal.reduce((s, c) => s + c.nuclei!.n, 0) / [...scored][0]!) * 1000) / 10;
  };
  const add = (abnormality: string, probed: readonly Clone[], isAbnormal: (c: Clone) => boolean, copyNumber: number | null): string | null => {
    if (probed.length === 0) return null;
    const s = share(probed, probed.filter(isAbnormal));
    if (s === 'uncounted') return `${abnormality} in a clone without its count of nuclei (or clones counted over different totals)`;
    findings.push({ abnormality, detected: s !== null, percentCells: s, copyNumber: s === null ? null : copyNumber });
    return null;
  };
  const withProbe = (name: string): Clone[] => clones.filter((c) => c.copies.has(name));
  const tp53 = withProbe('TP53');
  if (tp53.some((c) => c.copies.get('TP53') === 2 && (c.copies.get('D17Z1') ?? 0) > 2)) return unread('TP53 at two copies beside more of chromosome 17 (a relative loss)');
  const problems = [add('del(17p)', tp53, (c) => c.copies.get('TP53')! < 2, null)];
  const q1 = withProbe('CKS1B');
  const amplified = q1.filter((c) => c.copies.get('CKS1B')! >= 4);
  // Every gained clone amplified: the gain with their fewest copies, so that the profile's amp1qMinCopies reads it as
  // the native path does (cyto37 F07); with a clone of 3 copies beside them, 3 (the amplification is its own finding).
  const fewest = Math.min(...q1.filter((c) => c.copies.get('CKS1B')! >= 3).map((c) => c.copies.get('CKS1B')!));
  problems.push(add('gain(1q)', q1, (c) => c.copies.get('CKS1B')! >= 3, Number.isFinite(fewest) ? fewest : 3));
  if (amplified.length > 0) problems.push(add('amp(1q)', q1, (c) => c.copies.get('CKS1B')! >= 4, Math.max(...amplified.map((c) => c.copies.get('CKS1B')!))));
  const p1 = withProbe('CDKN2C');
  const biallelic = p1.some((c) => c.copies.get('CDKN2C') === 0);
  const monoallelicOnly = p1.some((c) => c.copies.get('CDKN2C') === 1) && !biallelic;
  problems.push(add('del(1p32)', p1, (c) => c.copies.get('CDKN2C')! <= 1, monoallelicOnly ? 1 : null));
  if (biallelic) problems.push(add('del(1p32)-biallelic', p1, (c) => c.copies.get('CDKN2C') === 0, 0));
  for (const t of TRANSLOCATIONS) problems.push(add(t, clones.filter((c) => c.fused.has(t) || c.unfused.has(t)), (c) => c.fused.has(t), null));
  const problem = problems.find((p) => p !== null);
  return problem ? unread(problem) : { findings };
}
