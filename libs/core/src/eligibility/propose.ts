import type { DrugClass } from '../terminology/drug-classes';
import type { Leaf, Rule } from './rules';

/**
 * Proposes a rule for one criterion's text, for the common myeloma patterns: age, ECOG, prior lines,
 * triple-class exposure/refractoriness, lenalidomide refractoriness, refractory to / progression on the
 * last line, prior BCMA (by modality), measurable-disease thresholds, lab thresholds, washouts, time
 * since SCT, CNS disease, PCL, amyloidosis, POEMS, neuropathy grade. Anything else is `unknownText`.
 * Proposals are drafts: a person reviews each one against its text.
 */
export function proposeRule(text: string): { rule: Rule; recognised: string[] } {
  const t = text.replace(/\s+/g, ' ').replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/µ/g, 'u');
  const leaves: Array<{ leaf: Leaf; what: string }> = [];
  const add = (leaf: Leaf, what: string): void => void leaves.push({ leaf, what });
  const NUM: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
  const n = (s: string): number => NUM[s.toLowerCase()] ?? Number(s);

  let m: RegExpMatchArray | null;
  if ((m = t.match(/(\d{2})\s*years?(?: of age)?(?: or| and)? (?:older|above|over)|age\s*(?:>=|of at least)\s*(\d{2})|aged? (\d{2}) years or older|>=\s*(\d{2}) years/i))) add({ fact: 'age', min: Number(m[1] ?? m[2] ?? m[3] ?? m[4]) }, 'age');
  if (/ECOG|performance status/i.test(t)) {
    const e = t.match(/(?:of|score|status)\s*(?:of\s*)?(?:0\s*(?:-|to|or|,)\s*(?:1\s*,?\s*(?:or\s*)?)?([0-4])|<=\s*([0-4]))/i);
    if (e) add({ fact: 'ecog', max: Number(e[1] ?? e[2]) }, 'ECOG');
  }
  if ((m = t.match(/(\d|one|two|three|four)\s*(?:to|-)\s*(\d|one|two|three|four)\s*(?:prior |previous )?(?:lines?|regimens?)/i))) add({ fact: 'priorLines', min: n(m[1]!), max: n(m[2]!) }, 'prior lines range');
  else if ((m = t.match(/at least (\d|one|two|three|four) (?:prior |previous )?(?:lines?|regimens?)|>=\s*(\d) (?:prior |previous )?(?:lines?|regimens?)/i))) add({ fact: 'priorLines', min: n(m[1] ?? m[2]!) }, 'minimum prior lines');
  const tripleClass = /triple[- ]class|(?:immunomodulatory|IMiD)[^.]*proteasome[^.]*(?:anti-?CD38|CD38)|proteasome[^.]*(?:immunomodulatory|IMiD)[^.]*(?:anti-?CD38|CD38)/i.test(t);
  if (tripleClass) add({ fact: 'flag', name: /refractory/i.test(t) && !/exposed/i.test(t) ? 'tripleClassRefractory' : 'tripleClassExposed' }, 'triple-class');
  if (/refractory to lenalidomide|lenalidomide[- ]refractory/i.test(t)) add({ fact: 'drugRefractory', drug: 'lenalidomide' }, 'lenalidomide-refractory');
  else if (!tripleClass && /(?:prior|previous|received)[^.]*lenalidomide/i.test(t)) add({ fact: 'drugExposed', drug: 'lenalidomide' }, 'lenalidomide-exposed');
  if (!tripleClass && /\b(?:prior|previous|received|exposure|exposed)\b/i.test(t) && !/refractory/i.test(t) && !/BCMA/i.test(t)) {
    if (/anti-?CD38|CD38[- ](?:monoclonal )?antibod|daratumumab|isatuximab/i.test(t)) add({ fact: 'classExposed', class: 'ANTI_CD38' }, 'anti-CD38 exposed');
    if (/proteasome inhibitor|\bPI\b/.test(t)) add({ fact: 'classExposed', class: 'PI' }, 'PI exposed');
    if (/immunomodulatory|\bIMiD\b/i.test(t)) add({ fact: 'classExposed', class: 'IMID' }, 'IMiD exposed');
  }
  if (/refractory to (?:their|the) (?:last|most recent)/i.test(t)) add({ fact: 'flag', name: 'refractoryToLastLine' }, 'refractory to last line');
  else if (/progression (?:on|during)[^.]*(?:after|within)[^.]*(?:last|most recent)|progress(?:ion|ed) (?:on or after|during or after) (?:their |the )?(?:last|most recent)/i.test(t)) add({ fact: 'progressionAfterLastLine' }, 'progression on the last line');
  if (/BCMA/i.test(t)) {
    const modality = /\bCAR[- ]?T\b/i.test(t) && !/bispecific|ADC|antibody/i.test(t) ? 'CAR_T' : /bispecific/i.test(t) && !/\bCAR[- ]?T\b/i.test(t) ? 'BISPECIFIC' : 'any';
    add({ fact: 'priorTargetTherapy', target: 'BCMA', modality }, 'prior BCMA');
  }
  const serum = t.match(/serum (?:monoclonal )?(?:paraprotein|M-?protein|M-?spike)[^.;]*?>=\s*([\d.]+)\s*g\/dL/i);
  const urine = t.match(/urine (?:monoclonal )?(?:paraprotein|M-?protein|M-?spike)[^.;]*?>=\s*(\d+)\s*mg\/24/i);
  const flc = t.match(/(?:involved )?(?:serum )?(?:free light chain|FLC)[^.;]*?>=\s*([\d.]+)\s*mg\/dL/i);
  if (serum || urine || flc) {
    add(
      {
        fact: 'measurableDisease',
        ...(serum ? { serumMinGdL: Number(serum[1]) } : {}),
        ...(urine ? { urineMinMg24h: Number(urine[1]) } : {}),
        ...(flc ? { involvedFlcMinMgDl: Number(flc[1]) } : {}),
      },
      'measurable disease',
    );
  }
  const labPatterns: Array<[RegExp, Leaf['fact'], string]> = [
    [/(?:ANC|absolute neutrophil count)[^.;]*?>=\s*([\d.,]+)\s*(?:x|×|\*)\s*10\s*\^?\s*9\s*\/\s*L/i, 'lab', 'anc|10*9/L'],
    [/(?:ANC|absolute neutrophil count)[^.;]*?>=\s*([\d.,]+)\s*\/\s*(?:uL|mm3)/i, 'lab', 'anc|/uL'],
    [/platelet[^.;]*?>=\s*([\d.,]+)\s*(?:x|×|\*)\s*10\s*\^?\s*9\s*\/\s*L/i, 'lab', 'platelets|10*9/L'],
    [/platelet[^.;]*?>=\s*([\d.,]+)\s*\/\s*(?:uL|mm3)/i, 'lab', 'platelets|/uL'],
    [/h(?:a)?emoglobin[^.;]*?>=\s*([\d.]+)\s*g\/dL/i, 'lab', 'hemoglobin|g/dL'],
  ];
  for (const [re, , spec] of labPatterns) {
    const x = t.match(re);
    if (!x) continue;
    const [name, unit] = spec.split('|') as [string, string];
    if (leaves.some((l) => l.leaf.fact === 'lab' && l.leaf.name === name)) continue;
    add({ fact: 'lab', name: name as 'anc', op: '>=', value: Number(x[1]!.replace(/,/g, '')), unit }, name);
  }
  if ((m = t.match(/(?:creatinine clearance|CrCl)[^.;]*?>=\s*(\d+)\s*mL\/min/i))) add({ fact: 'creatinineClearance', op: '>=', value: Number(m[1]) }, 'creatinine clearance');
  const LIVER = '(?:AST|ALT|SGOT|SGPT|(?:total )?bilirubin)';
  const uln = [...t.matchAll(new RegExp(`(${LIVER}(?:\\s*(?:and|/|,|or)\\s*${LIVER})*)[^.;]*?(<=|<|>)\\s*([\\d.]+)\\s*(?:x|×|times)\\s*(?:the )?(?:ULN|upper limit of normal)`, 'gi'))];
  for (const u of uln) {
    for (const part of u[1]!.split(/\s*(?:and|\/|,|or)\s*/i)) {
      const name = /AST|SGOT/i.test(part) ? 'ast' : /ALT|SGPT/i.test(part) ? 'alt' : 'bilirubin';
      if (leaves.some((l) => l.leaf.fact === 'labTimesUln' && l.leaf.name === name)) continue;
      add({ fact: 'labTimesUln', name, op: u[2] === '>' ? '>' : (u[2] as '<=' | '<'), value: Number(u[3]) }, `${name} × ULN`);
    }
  }
  if (/^prior allogeneic (?:SCT|stem cell transplant)/i.test(t.trim())) add({ fact: 'priorTransplant', kind: 'allogeneic' }, 'prior allogeneic SCT');
  else if ((m = t.match(/(allogeneic|autologous)[^.;]*?(?:within|<=|less than)\s*(\d+)\s*(weeks|days|months)/i))) {
    const days = Number(m[2]) * (m[3]!.toLowerCase().startsWith('week') ? 7 : m[3]!.toLowerCase().startsWith('month') ? 30 : 1);
    add({ fact: 'timeSince', event: 'transplant', kind: m[1]!.toLowerCase() === 'allogeneic' ? 'allogeneic' : 'autologous', maxDays: days }, 'time since SCT');
  } else if ((m = t.match(/(monoclonal antibod|anti-?CD38|corticosteroid|steroid|chemotherapy|anti-myeloma therapy|systemic (?:anti-?cancer|anti-?myeloma) therapy)[^.;]*?within\s*(\d+)\s*(days|weeks)/i))) {
    const days = Number(m[2]) * (m[3]!.toLowerCase().startsWith('week') ? 7 : 1);
    const cls: DrugClass[] = /monoclonal|CD38/i.test(m[1]!) ? ['ANTI_CD38', 'ANTI_SLAMF7'] : /steroid/i.test(m[1]!) ? ['CORTICOSTEROID'] : /chemotherapy/i.test(m[1]!) ? ['ALKYLATOR', 'ANTHRACYCLINE', 'CHEMOTHERAPY_OTHER'] : [];
    const leavesForClasses: Leaf[] = cls.length ? cls.map((c) => ({ fact: 'timeSince', event: 'lastDose', class: c, maxDays: days })) : [{ fact: 'timeSince', event: 'lastDose', maxDays: days }];
    for (const l of leavesForClasses) add(l, 'washout');
  }
  if (/\bCNS\b|central nervous system|meningeal/i.test(t)) add({ fact: 'condition', kind: 'cns-involvement' }, 'CNS involvement');
  if (/plasma cell leuk/i.test(t)) add({ fact: 'plasmaCellLeukemia' }, 'plasma cell leukaemia');
  if (/amyloidosis/i.test(t)) add({ fact: 'condition', kind: 'al-amyloidosis' }, 'amyloidosis');
  if (/POEMS/.test(t)) add({ fact: 'condition', kind: 'poems' }, 'POEMS');
  if ((m = t.match(/neuropathy[^.;]*grade\s*(?:>=\s*)?(\d)|grade\s*(?:>=\s*)?(\d)[^.;]*neuropathy/i))) add({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: Number(m[1] ?? m[2]) }, 'neuropathy grade');

  if (leaves.length === 0) return { rule: { fact: 'unknownText', reason: 'not parsed: review the text' }, recognised: [] };
  const isAny = /\bor\b/i.test(t) && leaves.every((l) => l.leaf.fact === 'timeSince' || l.leaf.fact === 'condition' || l.leaf.fact === 'plasmaCellLeukemia');
  const rule: Rule = leaves.length === 1 ? leaves[0]!.leaf : isAny ? { any: leaves.map((l) => l.leaf) } : { all: leaves.map((l) => l.leaf) };
  return { rule, recognised: leaves.map((l) => l.what) };
}

/** Splits an eligibility text block (ClinicalTrials.gov style) into inclusion and exclusion items. */
export function splitEligibilityText(text: string): { inclusion: string[]; exclusion: string[] } {
  const out = { inclusion: [] as string[], exclusion: [] as string[] };
  let section: 'inclusion' | 'exclusion' | null = null;
  let current: string[] | null = null;
  const flush = (): void => {
    if (current && section) {
      const item = current.join(' ').replace(/\s+/g, ' ').trim();
      if (item) out[section].push(item);
    }
    current = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^inclusion criteria\s*:?/i.test(line)) {
      flush();
      section = 'inclusion';
      continue;
    }
    if (/^exclusion criteria\s*:?/i.test(line)) {
      flush();
      section = 'exclusion';
      continue;
    }
    if (!section || line === '') {
      flush();
      continue;
    }
    const bullet = line.match(/^(?:[*•\-–]|\d+[.)])\s+(.*)$/);
    if (bullet) {
      flush();
      current = [bullet[1]!];
    } else if (current) current.push(line);
    else current = [line];
  }
  flush();
  return out;
}
