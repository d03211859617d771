import { canonicalAbnormality, isReadAbnormality } from '../patient/cytogenetics';

/** One abnormality an ISCN description says was looked for, and whether it was found. */
export interface IscnFinding {
  abnormality: string;
  detected: boolean;
  /** Of the nuclei scored, those with the pattern ([68/200] → 34), for a FISH (nuc ish) result. */
  percentCells: number | null;
  copyNumber: number | null;
}

/**
 * FISH probes for the abnormalities the profile reads (domain §6), by the gene ISCN names for them: a copy number
 * per nucleus (TP53x1: one copy, 17p deleted) or a fusion with IGH ("FGFR3 con IGH": t(4;14)).
 */
const COPY_PROBES: Record<string, { abnormality: string; detected: (copies: number) => boolean; copyNumber: boolean }> = {
  TP53: { abnormality: 'del(17p)', detected: (n) => n < 2, copyNumber: false },
  CKS1B: { abnormality: 'gain(1q)', detected: (n) => n > 2, copyNumber: true },
  CDKN2C: { abnormality: 'del(1p32)', detected: (n) => n < 2, copyNumber: true },
};
const IGH_PARTNERS: Record<string, string> = { FGFR3: 't(4;14)', NSD2: 't(4;14)', WHSC1: 't(4;14)', CCND1: 't(11;14)', MAF: 't(14;16)', MAFB: 't(14;20)' };

/**
 * Reads an ISCN description (HL7 Genomics Reporting's "Variant ISCN", LOINC 81291-7) for the myeloma abnormalities
 * the profile reads. Interphase FISH (`nuc ish`), segment by segment (each ending in its [scored/total] nuclei):
 * TP53, CKS1B (1q21) and CDKN2C (1p32) copy numbers (del(17p) below two copies, gain or amplification of 1q above
 * two with the copy number, del(1p32) below two with it), and IGH with FGFR3/NSD2, CCND1, MAF or MAFB: fused
 * ("con") a translocation found, side by side unfused (the probes' normal pattern) not found. A karyotype: each
 * abnormality (split at commas and slashes, its cell count dropped) whose name the profile knows (t(11;14)(q13;q32),
 * del(17)(p13)), found; a karyotype says nothing of what it does not show (it is less sensitive than FISH).
 * Everything else in the description is not read; an empty list when nothing is.
 */
export function readIscn(description: string): IscnFinding[] {
  const text = description.trim();
  const nucIsh = /\bnuc\s*ish\b/i.exec(text);
  if (nucIsh) return readNucIsh(text.slice(nucIsh.index + nucIsh[0].length));
  const found = new Map<string, IscnFinding>();
  for (const item of text.split(/[,/]/)) {
    const name = canonicalAbnormality(item.replace(/\[[^\]]*\]/g, '').trim());
    if (isReadAbnormality(name)) found.set(name, { abnormality: name, detected: true, percentCells: null, copyNumber: null });
  }
  return [...found.values()];
}

function readNucIsh(body: string): IscnFinding[] {
  const findings: IscnFinding[] = [];
  // Segments: each pattern with its own count of nuclei, "(TP53x1)[68/200],1q21(CKS1Bx3)[120/200]"; one without a count covers what is left.
  const segments = [...body.matchAll(/([^[\]]+)(?:\[(\d+)\s*\/\s*(\d+)\]|\[\d+\])?/g)].map((m) => ({
    pattern: m[1]!,
    percent: m[2] !== undefined && Number(m[3]) > 0 ? Math.round((Number(m[2]) / Number(m[3])) * 1000) / 10 : null,
  }));
  for (const { pattern, percent } of segments) {
    const p = pattern.toUpperCase();
    // Copy numbers: "TP53x1", and a group's shared count "(TP53,D17Z1)x1".
    const copies = new Map<string, number>();
    for (const m of p.matchAll(/\(([A-Z0-9,\s]+)\)X(\d+)/g)) for (const gene of m[1]!.split(',')) copies.set(gene.trim(), Number(m[2]));
    for (const m of p.matchAll(/\b([A-Z0-9]+)X(\d+)\b/g)) copies.set(m[1]!, Number(m[2]));
    for (const [gene, probe] of Object.entries(COPY_PROBES)) {
      const n = copies.get(gene);
      if (n === undefined) continue;
      findings.push({ abnormality: probe.abnormality, detected: probe.detected(n), percentCells: percent, copyNumber: probe.copyNumber ? n : null });
    }
    // IGH translocations: fused ("FGFR3 con IGH", either order) found; both probes named without a fusion, not found.
    const fused = new Set<string>();
    for (const m of p.matchAll(/\b([A-Z0-9]+)\s+CON\s+([A-Z0-9]+)/g)) {
      const [a, b] = [m[1]!, m[2]!].map((g) => g.replace(/X\d+$/, ''));
      const t = a === 'IGH' ? IGH_PARTNERS[b!] : b === 'IGH' ? IGH_PARTNERS[a!] : undefined;
      if (t) fused.add(t);
    }
    const named = new Set([...p.matchAll(/\b([A-Z0-9]+)\b/g)].map((m) => m[1]!.replace(/X\d+$/, '')));
    for (const [partner, t] of Object.entries(IGH_PARTNERS)) {
      if (fused.has(t)) continue;
      if (named.has(partner) && named.has('IGH')) findings.push({ abnormality: t, detected: false, percentCells: null, copyNumber: null });
    }
    for (const t of fused) findings.push({ abnormality: t, detected: true, percentCells: percent, copyNumber: null });
  }
  // One finding per abnormality: a found pattern wins over the normal one of another segment.
  const by = new Map<string, IscnFinding>();
  for (const f of findings) if (!by.has(f.abnormality) || (f.detected && !by.get(f.abnormality)!.detected)) by.set(f.abnormality, f);
  return [...by.values()];
}
