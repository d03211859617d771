/**
 * Drafts data/trials/*.json from shared/data/trials-public.reference.json (public eligibility text of
 * RRMM trials): one criterion per text item, kept verbatim with how it was obtained (registry text,
 * publication summary, not retrieved), a proposed rule where a common pattern is recognised (else
 * text-only, which evaluates to unknown), and criteria for the reference's structured facts that no
 * text item covers. Every rule is a draft until reviewed.
 *   npx ts-node --transpile-only -r tsconfig-paths/register scripts/catalog/draft-from-reference.ts REFERENCE.json data/trials
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileTrial, proposeRule, type CriterionDocument, type Leaf, type Rule, type TrialDocument } from '@trialmatch/core';

interface Reference {
  nct: string;
  acronym: string;
  title: string;
  phase: string;
  sponsor: string;
  source: string;
  inclusion_text: string[];
  exclusion_text: string[];
  confidence: string;
  verbatim_coverage: string;
  structured: {
    min_age: number | null;
    ecog_max: number | null;
    prior_lines_min: number | null;
    prior_lines_max: number | null;
    required_exposure: string[] | null;
    required_refractory: string[] | null;
    refractory_to_last_line_required: boolean | null;
    excluded_prior: string[] | null;
    measurable_disease: { serum_m_protein_g_dl_min: number | null; urine_m_protein_mg_24h_min: number | null; iflc_mg_dl_min: number | null };
    labs: Record<string, number | null>;
    washout: string | null;
    other_exclusions: string[] | null;
    notes: string | null;
  };
}

const CLASS_OF: Record<string, Leaf> = {
  PI: { fact: 'classExposed', class: 'PI' },
  IMID: { fact: 'classExposed', class: 'IMID' },
  ANTI_CD38: { fact: 'classExposed', class: 'ANTI_CD38' },
  LENALIDOMIDE: { fact: 'drugExposed', drug: 'lenalidomide' },
};

function textItem(raw: string): { text: string; textSource: CriterionDocument['textSource'] } {
  const m = raw.match(/^\[([^\]]+)\]\s*(.*)$/);
  if (!m) return { text: raw, textSource: 'verbatim' };
  const tag = m[1]!.toLowerCase();
  return { text: raw, textSource: tag.includes('not retrieved') ? 'not-retrieved' : 'summary' };
}

function draft(r: Reference): TrialDocument {
  const criteria: CriterionDocument[] = [];
  const covered = new Set<string>();
  const facts = (rule: Rule): string[] => ('all' in rule ? rule.all.flatMap(facts) : 'any' in rule ? rule.any.flatMap(facts) : 'not' in rule ? facts(rule.not) : 'if' in rule ? [...facts(rule.if), ...facts(rule.then)] : [rule.fact]);
  const fromText = (kind: 'inclusion' | 'exclusion', raw: string, i: number): void => {
    const { text, textSource } = textItem(raw);
    const rule: Rule = textSource === 'not-retrieved' ? { fact: 'unknownText', reason: 'criterion text not retrieved' } : proposeRule(text).rule;
    for (const f of facts(rule)) covered.add(f);
    criteria.push({ id: `${kind === 'inclusion' ? 'inc' : 'exc'}-${String(i + 1).padStart(2, '0')}`, kind, text, rule, textSource, ruleStatus: 'draft' });
  };
  r.inclusion_text.forEach((t, i) => fromText('inclusion', t, i));
  r.exclusion_text.forEach((t, i) => fromText('exclusion', t, i));

  const s = r.structured;
  const summary = (id: string, kind: 'inclusion' | 'exclusion', text: string, rule: Rule): void =>
    void criteria.push({ id, kind, text: `[reference structured summary] ${text}`, rule, textSource: 'summary', ruleStatus: 'draft' });
  if (s.min_age !== null && !covered.has('age')) summary('ref-age', 'inclusion', `Age ≥ ${s.min_age} years`, { fact: 'age', min: s.min_age });
  if (s.ecog_max !== null && !covered.has('ecog')) summary('ref-ecog', 'inclusion', `ECOG 0–${s.ecog_max}`, { fact: 'ecog', max: s.ecog_max });
  if ((s.prior_lines_min !== null || s.prior_lines_max !== null) && !covered.has('priorLines')) {
    summary('ref-lines', 'inclusion', `Prior lines ${s.prior_lines_min ?? 0}${s.prior_lines_max !== null ? `–${s.prior_lines_max}` : '+'}`, {
      fact: 'priorLines',
      ...(s.prior_lines_min !== null ? { min: s.prior_lines_min } : {}),
      ...(s.prior_lines_max !== null ? { max: s.prior_lines_max } : {}),
    });
  }
  const exposure = (s.required_exposure ?? []).filter((x) => CLASS_OF[x]);
  if (exposure.length > 0 && !covered.has('flag') && !covered.has('classExposed') && !covered.has('drugExposed')) {
    const triple = ['PI', 'IMID', 'ANTI_CD38'].every((x) => exposure.includes(x));
    summary('ref-exposure', 'inclusion', `Prior exposure: ${exposure.join(', ')}`, triple ? { fact: 'flag', name: 'tripleClassExposed' } : exposure.length === 1 ? CLASS_OF[exposure[0]!]! : { all: exposure.map((x) => CLASS_OF[x]!) });
  }
  for (const ref of s.required_refractory ?? []) {
    if (ref === 'LENALIDOMIDE (only if exactly 1 prior line)') summary('ref-len-refractory', 'inclusion', 'Lenalidomide-refractory if exactly 1 prior line', { if: { fact: 'priorLines', min: 1, max: 1 }, then: { fact: 'drugRefractory', drug: 'lenalidomide' } });
    else if (ref === 'LENALIDOMIDE' && !covered.has('drugRefractory')) summary('ref-len-refractory', 'inclusion', 'Lenalidomide-refractory', { fact: 'drugRefractory', drug: 'lenalidomide' });
  }
  if (s.required_refractory && ['PI', 'IMID', 'ANTI_CD38'].every((x) => s.required_refractory!.includes(x)) && !covered.has('flag')) summary('ref-tcr', 'inclusion', 'Refractory to ≥1 PI, ≥1 IMiD and ≥1 anti-CD38 antibody', { fact: 'flag', name: 'tripleClassRefractory' });
  if (s.refractory_to_last_line_required === true && !covered.has('flag') && !covered.has('progressionAfterLastLine')) summary('ref-last-line', 'inclusion', 'Refractory to the last line of therapy', { fact: 'flag', name: 'refractoryToLastLine' });
  for (const ex of s.excluded_prior ?? []) {
    const rule: Rule | null = ex.startsWith('BCMA_DIRECTED')
      ? { fact: 'priorTargetTherapy', target: 'BCMA' }
      : ex === 'CAR_T'
        ? { any: [{ fact: 'classExposed', class: 'BCMA_CAR_T' }, { fact: 'classExposed', class: 'GPRC5D_CAR_T' }] }
        : ex === 'POMALIDOMIDE'
          ? { fact: 'drugExposed', drug: 'pomalidomide' }
          : ex === 'MEZIGDOMIDE'
            ? { fact: 'drugExposed', drug: 'mezigdomide' }
            : ex === 'BCL2_INHIBITOR'
              ? { fact: 'classExposed', class: 'BCL2_INHIBITOR' }
              : ex.startsWith('T_CELL_REDIRECTING')
                ? { fact: 'flag', name: 'priorTCellEngager' }
                : null;
    if (rule && !(ex.startsWith('BCMA_DIRECTED') && covered.has('priorTargetTherapy'))) summary(`ref-excl-${ex.split(/\W/)[0]!.toLowerCase()}`, 'exclusion', `Prior ${ex}`, rule);
    else if (!rule) summary(`ref-excl-${ex.split(/\W/)[0]!.toLowerCase()}`, 'exclusion', `Prior ${ex}`, { fact: 'unknownText', reason: `review: ${ex}` });
  }
  const md = s.measurable_disease;
  if ((md.serum_m_protein_g_dl_min !== null || md.urine_m_protein_mg_24h_min !== null || md.iflc_mg_dl_min !== null) && !covered.has('measurableDisease')) {
    summary('ref-measurable', 'inclusion', `Measurable disease: serum M-protein ≥ ${md.serum_m_protein_g_dl_min ?? '—'} g/dL, urine ≥ ${md.urine_m_protein_mg_24h_min ?? '—'} mg/24h, involved FLC ≥ ${md.iflc_mg_dl_min ?? '—'} mg/dL`, {
      fact: 'measurableDisease',
      ...(md.serum_m_protein_g_dl_min !== null ? { serumMinGdL: md.serum_m_protein_g_dl_min } : {}),
      ...(md.urine_m_protein_mg_24h_min !== null ? { urineMinMg24h: md.urine_m_protein_mg_24h_min } : {}),
      ...(md.iflc_mg_dl_min !== null ? { involvedFlcMinMgDl: md.iflc_mg_dl_min } : { involvedFlcMinMgDl: 1000 }),
    });
  }
  const L = s.labs;
  if (L.crcl_min_ml_min && !covered.has('creatinineClearance')) summary('ref-crcl', 'inclusion', `CrCl ≥ ${L.crcl_min_ml_min} mL/min`, { fact: 'creatinineClearance', op: '>=', value: L.crcl_min_ml_min });
  if (L.hemoglobin_min_g_dl && !covered.has('lab')) summary('ref-hb', 'inclusion', `Haemoglobin ≥ ${L.hemoglobin_min_g_dl} g/dL`, { fact: 'lab', name: 'hemoglobin', op: '>=', value: L.hemoglobin_min_g_dl, unit: 'g/dL' });
  if (L.anc_min_10e9_l && !covered.has('lab')) summary('ref-anc', 'inclusion', `ANC ≥ ${L.anc_min_10e9_l} ×10⁹/L`, { fact: 'lab', name: 'anc', op: '>=', value: L.anc_min_10e9_l, unit: '10*9/L' });
  if (L.platelets_min_10e9_l && !covered.has('lab')) summary('ref-plt', 'inclusion', `Platelets ≥ ${L.platelets_min_10e9_l} ×10⁹/L`, { fact: 'lab', name: 'platelets', op: '>=', value: L.platelets_min_10e9_l, unit: '10*9/L' });
  if (s.washout && !covered.has('timeSince')) {
    const proposal = proposeRule(s.washout).rule;
    summary('ref-washout', 'exclusion', `Washout: ${s.washout}`, proposal);
  }
  for (const [i, other] of (s.other_exclusions ?? []).entries()) {
    const proposal = proposeRule(other);
    if (proposal.recognised.length === 0 && r.exclusion_text.some((t) => t.toLowerCase().includes(other.toLowerCase().slice(0, 20)))) continue;
    summary(`ref-other-${i + 1}`, 'exclusion', other, /anti-CD38 refractory/i.test(other) ? { fact: 'classRefractory', class: 'ANTI_CD38' } : proposal.rule);
  }
  return {
    trialId: r.nct,
    version: 1,
    title: r.title,
    status: 'UNKNOWN',
    phase: r.phase,
    sponsor: r.sponsor,
    criteria,
    source: {
      note: `${r.acronym}. Text from: ${r.source}`,
      textVersion: `reference confidence: ${r.confidence}; verbatim coverage: ${r.verbatim_coverage}`,
      retrieved: '2026 corpus snapshot (shared/data/trials-public.reference.json)',
    },
  };
}

const [reference, outDir] = process.argv.slice(2);
if (!reference || !outDir) throw new Error('usage: draft-from-reference.ts REFERENCE.json OUT_DIR');
const trials = JSON.parse(readFileSync(reference, 'utf8')) as Reference[];
let skipped = 0;
for (const r of trials) {
  const target = join(outDir, `${r.nct}.json`);
  if (existsSync(target) && (JSON.parse(readFileSync(target, 'utf8')) as TrialDocument).criteria.some((c) => c.ruleStatus === 'reviewed')) {
    skipped += 1; // reviewed by hand: never overwritten
    continue;
  }
  const doc = draft(r);
  compileTrial(doc);
  writeFileSync(target, `${JSON.stringify(doc, null, 2)}\n`);
}
console.log(`drafted ${trials.length - skipped} trials into ${outDir} (${skipped} reviewed documents left as they are)`);
