import type { DrugClass } from '../terminology/drug-classes';
import type { Leaf, Rule } from './rules';

/**
 * Wordings whose meaning the patterns would change: negation and permission ("no prior lenalidomide",
 * "prior anti-CD38 therapy is allowed"), conditions and exceptions ("if", "unless", "for patients aged ≥ 75"),
 * thresholds in parentheses (a second, conditional one), doses and half-lives, GVHD, decimal commas,
 * "one of the following".
 */
const UNSAFE: Array<[RegExp, string]> = [
  [/\b(?:no|not|without|never|none|neither|nor|cannot|must not)\b|n['’]t\b/i, 'a negation'],
  [/\b(?:allowed|permitted|eligible|may|unless|except|excluding|exception|regardless)\b/i, 'a permission or an exception'],
  [/\bif\b|\botherwise\b|\bwhichever\b|\bfollowing\b|\bfor (?:patients|participants|subjects)\b|\bin (?:patients|participants|subjects)\b/i, 'a condition'],
  [/\([^)]*(?:>=|<=|<|>|\d)[^)]*\)/, 'a threshold in parentheses'],
  [/half-?lives?|cumulative|(?<!last |first |final )\bdose of\b|equivalent/i, 'a dose or half-lives'],
  [/\bGVHD\b|graft[- ]versus[- ]host/i, 'GVHD'],
  [/\d,\d{1,2}(?![\d,])(?!\s*(?:,|or\b|and\b))/i, 'a decimal comma'],
];
/** A criterion left text-only, with why the patterns did not draft it. */
const notDrafted = (why: string): { rule: Rule; recognised: string[] } => ({ rule: { fact: 'unknownText', reason: `not drafted (${why}): review the text` }, recognised: [] });
/** Myeloma drugs the patterns do not encode by name (only lenalidomide is). */
const OTHER_DRUGS = /pomalidomide|thalidomide|bortezomib|carfilzomib|ixazomib|daratumumab|isatuximab|elotuzumab|selinexor|belantamab|teclistamab|elranatamab|talquetamab|iberdomide|mezigdomide|venetoclax|melphalan|cyclophosphamide/i;

/**
 * Proposes a rule for one criterion's text, for the common myeloma patterns: age, ECOG, prior lines,
 * triple-class exposure/refractoriness, lenalidomide refractoriness, refractory to / progression on the
 * last line, prior BCMA (by modality), measurable-disease thresholds, lab thresholds, CrCl and eGFR, washouts, time
 * since SCT, CNS disease, PCL, amyloidosis, POEMS, neuropathy grade, another malignancy within N years, ISS/R-ISS stage.
 * Anything else is `unknownText`.
 * Proposals are drafts: a person reviews each one against its text.
 */
export function proposeRule(text: string): { rule: Rule; recognised: string[] } {
  const t = text.replace(/\s+/g, ' ').replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/[µμ]/g, 'u').replace(/\\([<>])/g, '$1');
  // What the patterns below cannot read without changing its meaning is left to a person: a draft is never silently wrong.
  const unsafe = UNSAFE.find(([re]) => re.test(t));
  if (unsafe) return notDrafted(unsafe[1]);
  const leaves: Array<{ leaf: Leaf; what: string }> = [];
  const add = (leaf: Leaf, what: string): void => void leaves.push({ leaf, what });
  /** A washout over several classes: any of them (kept apart from the leaves, which are combined with "all"). */
  let washouts: Leaf[] = [];
  const NUM: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };
  const n = (s: string): number => NUM[s.toLowerCase()] ?? Number(s);

  let m: RegExpMatchArray | null;
  const aboutAge = /\bage\b|\baged\b|years of age|years old|or older/i.test(t);
  if ((m = t.match(/(\d{2})\s*years?(?: of age)?(?: or| and)? (?:older|above|over)|age\s*(?:>=|of at least)\s*(\d{2})|aged? (\d{2}) years or older|>=\s*(\d{2}) years/i)) && aboutAge) {
    const max = t.match(/<=\s*(\d{2})\s*years/i);
    add({ fact: 'age', min: Number(m[1] ?? m[2] ?? m[3] ?? m[4]), ...(max ? { max: Number(max[1]) } : {}) }, 'age');
  }
  if (/ECOG|performance status/i.test(t)) {
    const e = t.match(/(?:of|score|status)\s*(?:of\s*)?(?:0\s*(?:-|to|or|,)\s*(?:1\s*,?\s*(?:or\s*)?)?([0-4])|<=\s*([0-4]))/i);
    if (e) add({ fact: 'ecog', max: Number(e[1] ?? e[2]) }, 'ECOG');
  }
  if ((m = t.match(/(\d|one|two|three|four)\s*(?:to|-)\s*(\d|one|two|three|four)\s*(?:prior |previous )?(?:lines?|regimens?)/i))) add({ fact: 'priorLines', min: n(m[1]!), max: n(m[2]!) }, 'prior lines range');
  else if ((m = t.match(/at least (\d|one|two|three|four) (?:prior |previous )?(?:lines?|regimens?)|>=\s*(\d) (?:prior |previous )?(?:lines?|regimens?)/i))) add({ fact: 'priorLines', min: n(m[1] ?? m[2]!) }, 'minimum prior lines');
  const tripleClass = /triple[- ]class|(?:immunomodulatory|IMiD)[^.]*proteasome[^.]*(?:anti-?CD38|CD38)|proteasome[^.]*(?:immunomodulatory|IMiD)[^.]*(?:anti-?CD38|CD38)/i.test(t);
  const lastLineRefractory = /refractory to (?:their|the) (?:last|most recent)/i.test(t);
  if (tripleClass) add({ fact: 'flag', name: /refractory/i.test(t.replace(/refractory to (?:their|the) (?:last|most recent)/gi, '')) && !/expos(?:ed|ure)/i.test(t) ? 'tripleClassRefractory' : 'tripleClassExposed' }, 'triple-class');
  if (/refractory to lenalidomide|lenalidomide[- ]refractory/i.test(t)) add({ fact: 'drugRefractory', drug: 'lenalidomide' }, 'lenalidomide-refractory');
  else if (!tripleClass && /(?:prior|previous|received)[^.]*lenalidomide/i.test(t)) add({ fact: 'drugExposed', drug: 'lenalidomide' }, 'lenalidomide-exposed');
  if (!tripleClass && /\b(?:prior|previous|received|exposure|exposed)\b/i.test(t) && !/refractory/i.test(t) && !/BCMA/i.test(t)) {
    if (/anti-?CD38|CD38[- ](?:monoclonal )?antibod|daratumumab|isatuximab/i.test(t)) add({ fact: 'classExposed', class: 'ANTI_CD38' }, 'anti-CD38 exposed');
    if (/proteasome inhibitor|\bPI\b/.test(t)) add({ fact: 'classExposed', class: 'PI' }, 'PI exposed');
    if (/immunomodulatory|\bIMiD\b/i.test(t)) add({ fact: 'classExposed', class: 'IMID' }, 'IMiD exposed');
  }
  // "Progression on or within 60 days of the last dose of the last therapy" names progression only (IMWG's refractoriness
  // also counts nonresponse): the progression leaf with its window; "refractory to the last line" is the flag.
  const withinDays = /progress[a-z]*[^.]*(?:on or )?within (\d+) days[^.]*(?:last|most recent)/i.exec(t);
  if (lastLineRefractory) add({ fact: 'flag', name: 'refractoryToLastLine' }, 'refractory to last line');
  else if (withinDays) add({ fact: 'progressionAfterLastLine', withinDaysOfLastDose: Number(withinDays[1]) }, `progression on the last line or within ${withinDays[1]} days of its last dose`);
  else if (/progression (?:on|during)[^.]*(?:after|within)[^.]*(?:last|most recent)|progress(?:ion|ed) (?:on or after|during or after) (?:their |the )?(?:last|most recent)/i.test(t)) add({ fact: 'progressionAfterLastLine' }, 'progression on the last line');
  if (/BCMA/i.test(t)) {
    const car = /\bCAR[- ]?T\b/i.test(t);
    const bispecific = /bispecific/i.test(t);
    const adc = /\bADC\b|antibody[- ]drug conjugate|belantamab/i.test(t);
    const modality = [car, bispecific, adc].filter(Boolean).length !== 1 ? 'any' : car ? 'CAR_T' : bispecific ? 'BISPECIFIC' : 'ADC';
    add({ fact: 'priorTargetTherapy', target: 'BCMA', modality }, 'prior BCMA');
  }
  const serum = t.match(/serum (?:monoclonal )?(?:paraprotein|M-?protein|M-?spike)[^.;<>]*?>=\s*([\d.]+)\s*g\/(dL|L)\b/i);
  const urine = t.match(/urine (?:monoclonal )?(?:paraprotein|M-?protein|M-?spike)[^.;<>]*?>=\s*(\d+)\s*mg\/24/i);
  const flc = t.match(/(?:involved )?(?:serum )?(?:free light chain|FLC)[^.;<>]*?>=\s*([\d.]+)\s*mg\/(dL|L)\b/i);
  const mentions = { serum: /serum (?:monoclonal )?(?:paraprotein|M-?protein|M-?spike)/i.test(t), urine: /urine (?:monoclonal )?(?:paraprotein|M-?protein|M-?spike)/i.test(t), flc: /free light chain|\bFLC\b/i.test(t) };
  if (serum || urine || flc) {
    // Every parameter named must have its threshold read, or the default would stand in for it silently.
    if ((mentions.serum && !serum) || (mentions.urine && !urine) || (mentions.flc && !flc)) return notDrafted('a measurable-disease threshold not read');
    add(
      {
        fact: 'measurableDisease',
        ...(serum ? { serumMinGdL: Number(serum[1]) / (serum[2]!.toLowerCase() === 'l' ? 10 : 1) } : {}),
        ...(urine ? { urineMinMg24h: Number(urine[1]) } : {}),
        ...(flc ? { involvedFlcMinMgDl: Number(flc[1]) / (flc[2]!.toLowerCase() === 'l' ? 10 : 1) } : {}),
      },
      'measurable disease',
    );
  }
  const labPatterns: Array<[RegExp, Leaf['fact'], string]> = [
    [/(?:ANC|absolute neutrophil count)[^.;<>]*?>=\s*([\d.,]+)\s*(?:x|×|\*)\s*10\s*\^?\s*9\s*\/\s*L/i, 'lab', 'anc|10*9/L'],
    [/(?:ANC|absolute neutrophil count)[^.;<>]*?>=\s*([\d.,]+)\s*\/\s*(?:uL|mm3)/i, 'lab', 'anc|/uL'],
    [/platelet[^.;<>]*?>=\s*([\d.,]+)\s*(?:x|×|\*)\s*10\s*\^?\s*9\s*\/\s*L/i, 'lab', 'platelets|10*9/L'],
    [/platelet[^.;<>]*?>=\s*([\d.,]+)\s*\/\s*(?:uL|mm3)/i, 'lab', 'platelets|/uL'],
    [/h(?:a)?emoglobin[^.;<>]*?>=\s*([\d.]+)\s*g\/dL/i, 'lab', 'hemoglobin|g/dL'],
  ];
  for (const [re, , spec] of labPatterns) {
    const x = t.match(re);
    if (!x) continue;
    const [name, unit] = spec.split('|') as [string, string];
    if (leaves.some((l) => l.leaf.fact === 'lab' && l.leaf.name === name)) continue;
    add({ fact: 'lab', name: name as 'anc', op: '>=', value: Number(x[1]!.replace(/,/g, '')), unit }, name);
  }
  // Cockcroft–Gault only: a clearance per 1.73 m² (eGFR, MDRD) is another measure.
  if ((m = t.match(/(?:creatinine clearance|CrCl)[^.;<>]*?>=\s*(\d+)\s*mL\/min(?!\s*\/\s*1\.73)/i))) {
    // The method named: a 24-hour urine collection is a measured clearance; Cockcroft–Gault otherwise (naming both is an alternative, left to a person).
    const measured = /24[- ]?(?:hour|hr|h)\b[^.;]*urine|urine collection|measured/i.test(t);
    if (measured && /cockcroft|calculated|estimated/i.test(t)) return notDrafted('more than one method of creatinine clearance');
    add({ fact: 'creatinineClearance', ...(measured ? { method: 'measured' as const } : {}), op: '>=', value: Number(m[1]) }, 'creatinine clearance');
  }
  // An estimated GFR is its own method (reported, or CKD-EPI 2021 from creatinine), never Cockcroft–Gault.
  else if ((m = t.match(/(?:\beGFR\b|estimated (?:glomerular filtration rate|GFR))[^.;<>]*?>=\s*(\d+)/i))) add({ fact: 'creatinineClearance', method: 'egfr', op: '>=', value: Number(m[1]) }, 'eGFR');
  const LIVER = '(?:\\bAST\\b|\\bALT\\b|\\bSGOT\\b|\\bSGPT\\b|(?:total )?bilirubin)';
  const uln = [...t.matchAll(new RegExp(`(${LIVER}(?:\\s*(?:and|/|,|or)\\s*${LIVER})*)[^.;]*?(<=|<|>)\\s*([\\d.]+)\\s*(?:x|×|times)\\s*(?:the )?(?:ULN|upper limit of normal)`, 'gi'))];
  for (const u of uln) {
    for (const part of u[1]!.split(/\s*(?:and|\/|,|or)\s*/i)) {
      const name = /AST|SGOT/i.test(part) ? 'ast' : /ALT|SGPT/i.test(part) ? 'alt' : 'bilirubin';
      if (leaves.some((l) => l.leaf.fact === 'labTimesUln' && l.leaf.name === name)) continue;
      add({ fact: 'labTimesUln', name, op: u[2] === '>' ? '>' : (u[2] as '<=' | '<'), value: Number(u[3]) }, `${name} × ULN`);
    }
  }
  if (/^prior allogeneic (?:SCT|stem cell transplant)/i.test(t.trim())) add({ fact: 'priorTransplant', kind: 'allogeneic' }, 'prior allogeneic SCT');
  else if ((m = t.match(/(allogeneic|autologous)[^.;]*?(within|<=|≤|less than|fewer than|<)\s*(\d+)\s*(weeks|days|months)/i))) {
    const days = Number(m[3]) * (m[4]!.toLowerCase().startsWith('week') ? 7 : m[4]!.toLowerCase().startsWith('month') ? 30 : 1);
    // "Within 12 weeks" reaches day 84; "less than 12 weeks" stops the day before.
    const strict = /^(?:less than|fewer than|<)$/i.test(m[2]!);
    add({ fact: 'timeSince', event: 'transplant', kind: m[1]!.toLowerCase() === 'allogeneic' ? 'allogeneic' : 'autologous', maxDays: strict ? days - 1 : days }, 'time since SCT');
  } else if ((m = t.match(/(monoclonal antibod|anti-?CD38|corticosteroid|steroid|chemotherapy|anti-myeloma therapy|systemic (?:anti-?cancer|anti-?myeloma) therapy)[^.;]*?within\s*(\d+)\s*(days|weeks)/i))) {
    const days = Number(m[2]) * (m[3]!.toLowerCase().startsWith('week') ? 7 : 1);
    const cls: DrugClass[] = /CD38/i.test(m[1]!) ? ['ANTI_CD38'] : /monoclonal/i.test(m[1]!) ? ['ANTI_CD38', 'ANTI_SLAMF7'] : /steroid/i.test(m[1]!) ? ['CORTICOSTEROID'] : /chemotherapy/i.test(m[1]!) ? ['ALKYLATOR', 'ANTHRACYCLINE', 'CHEMOTHERAPY_OTHER'] : [];
    const leavesForClasses: Leaf[] = cls.length ? cls.map((c) => ({ fact: 'timeSince', event: 'lastDose', class: c, maxDays: days })) : [{ fact: 'timeSince', event: 'lastDose', maxDays: days }];
    // Any of the classes given within the window (an exclusion's washout).
    if (leavesForClasses.length === 1) add(leavesForClasses[0]!, 'washout');
    else washouts = leavesForClasses;
  }
  if (/\bCNS\b|central nervous system|meningeal/i.test(t)) add({ fact: 'condition', kind: 'cns-involvement' }, 'CNS involvement');
  // ISS / R-ISS stage ("R-ISS stage III", "ISS stage I or II", "ISS stage I/II", "ISS stage II-III", "stage II or higher");
  // "at (the time of) diagnosis" or else now. A list it cannot read (a range written backwards) is left unparsed.
  if ((m = t.match(/\b(R-?|revised\s+)?ISS\b(?:\s*\(?(?:revised )?(?:international )?(?:staging system)?\)?)?\s*stages?\s*((?:III|II|I|[123])(?:\s*(?:,\s*(?:or|and)|,|\/|or|and|-|–|to)\s*(?:III|II|I|[123]))*)\b(\s*or (?:higher|above|greater|more|worse))?/i))) {
    const numeral = (x: string): 1 | 2 | 3 => (({ I: 1, II: 2, III: 3, '1': 1, '2': 2, '3': 3 }) as const)[x.toUpperCase() as 'I' | 'II' | 'III' | '1' | '2' | '3'];
    const parts = m[2]!.split(/\s*(,\s*(?:or|and)|,|\/|or|and|-|–|to)\s*/i).filter((x, i) => i % 2 === 0).map(numeral);
    const range = /-|–|\bto\b/i.test(m[2]!) && parts.length === 2;
    const orHigher = m[3] !== undefined && parts.length === 1;
    const stages = range ? ([1, 2, 3] as const).filter((k) => k >= parts[0]! && k <= parts[1]!) : orHigher ? ([1, 2, 3] as const).filter((k) => k >= parts[0]!) : [...new Set(parts)].sort();
    const atDiagnosis = /\bat (?:the time of )?(?:initial |first )?diagnosis\b/i.test(t);
    if (stages.length > 0) add({ fact: 'stage', system: m[1] ? 'riss' : 'iss', at: atDiagnosis ? 'diagnosis' : 'current', stages }, `${m[1] ? 'R-ISS' : 'ISS'} stage`);
  }
  if (/plasma cell leuk/i.test(t)) add({ fact: 'plasmaCellLeukemia' }, 'plasma cell leukaemia');
  if (/amyloidosis/i.test(t)) add({ fact: 'condition', kind: 'al-amyloidosis' }, 'amyloidosis');
  if (/POEMS/.test(t)) add({ fact: 'condition', kind: 'poems' }, 'POEMS');
  // "Other malignancy within the past 3 years": present at any time in the window (condition withinDays, years of 365.25
  // days). Only the phrase itself, the window right after it; an exception, a qualifier (requiring, treated, diagnosed,
  // life expectancy) or a therapy in the sentence is left to a person.
  const malignancyWindow = t.match(
    /\b(?:(?:other|prior|previous|second|another|additional)\s+(?:primary\s+|active\s+|invasive\s+)?(?:malignanc(?:y|ies)|cancers?)(?:\s*[,(]?\s*other than (?:multiple myeloma|myeloma|MM)\s*\)?)?|(?:active\s+)?malignanc(?:y|ies)\s+other than (?:multiple myeloma|myeloma|MM))\s*,?\s*(?:(?:that (?:has been|is)\s+)?disease[- ]free for (?:less than|<)|(?:with)?in the (?:last|past|previous)|within|<|less than)\s*(\d+|one|two|three|four|five)\s*years?\b/i,
  );
  const qualified = /other than (?!(?:multiple myeloma|myeloma|MM)\b)|apart from|besides|requir|treat|therap|diagnos|life expectancy|prior to/i.test(t);
  if (malignancyWindow && !qualified) add({ fact: 'condition', kind: 'other-malignancy', withinDays: Math.round(n(malignancyWindow[1]!) * 365.25) }, 'other malignancy within a time window');

  if (/neuropathy/i.test(t) && /(?:<=|<|less than|at most)\s*grade|grade\s*(?:<=|<)/i.test(t)) return notDrafted('an upper limit of neuropathy grade');
  if ((m = t.match(/neuropathy[^.;]*?(>=|>)?\s*grade\s*(>=|>)?\s*(\d)|grade\s*(>=|>)?\s*(\d)[^.;]*neuropathy/i))) {
    // "Grade ≥3", "grade 3 or higher": 3; "> grade 1": 2.
    const strict = (m[1] ?? m[2] ?? m[4]) === '>';
    add({ fact: 'condition', kind: 'peripheral-neuropathy', minGrade: Number(m[3] ?? m[5]) + (strict ? 1 : 0) }, 'neuropathy grade');
  }

  if (leaves.length === 0 && washouts.length === 0) return { rule: { fact: 'unknownText', reason: 'not parsed: review the text' }, recognised: [] };
  // A list of conditions is any of them; otherwise an alternative ("or") the patterns did not build is left to a person.
  const conditionsOnly = leaves.length > 0 && leaves.every((l) => l.leaf.fact === 'condition' || l.leaf.fact === 'plasmaCellLeukemia');
  const alternative = /\bor\b|\band\/or\b/i.test(
    t.replace(/\bstages?\s+(?:III|II|I|[123])(?:\s*(?:,\s*(?:or|and)|,|or|and)\s*(?:III|II|I|[123]))+\b|\b\d\s*,?\s*or\s*\d\b|\bor (?:older|above|over|higher|more|greater|worse)\b|\b(?:during|on) or (?:after|within)\b|\bor meningeal\b|\b(?:AST|ALT|SGOT|SGPT)\s*(?:\/|and)\s*(?:AST|ALT|SGOT|SGPT)\b/gi, ''),
  );
  const alternativeBuilt = (conditionsOnly && leaves.length > 1) || (leaves.length === 1 && leaves[0]!.leaf.fact === 'measurableDisease');
  if (alternative && !alternativeBuilt) return notDrafted('an alternative, "or"');
  if (washouts.length > 0) {
    // A washout over several classes stands alone (its "any" is not combined with other leaves).
    if (leaves.length > 0) return notDrafted('a washout among other conditions');
    return { rule: { any: washouts }, recognised: ['washout'] };
  }
  // A drug class named but not read (the exposure patterns stand aside when "refractory" is said) would be dropped.
  const classRead = leaves.some((l) => l.leaf.fact === 'classExposed' || l.leaf.fact === 'classRefractory' || (l.leaf.fact === 'flag' && /tripleClass/.test(l.leaf.name)) || l.leaf.fact === 'timeSince');
  if (!classRead && /proteasome inhibitor|\bPI\b|immunomodulatory|\bIMiD\b|anti-?CD38/i.test(t)) return notDrafted('a drug class not read');
  // "Within N days" of labs or ECOG is how recent they must be.
  const recent = t.match(/within\s*(\d+)\s*days/i);
  if (recent && !leaves.some((l) => l.leaf.fact === 'timeSince')) {
    for (const l of leaves) if (l.leaf.fact === 'lab' || l.leaf.fact === 'labTimesUln' || l.leaf.fact === 'ecog' || l.leaf.fact === 'creatinineClearance') l.leaf = { ...l.leaf, maxAgeDays: Number(recent[1]) };
  }
  // A drug the patterns do not encode (only lenalidomide by name; anti-CD38 and BCMA-directed drugs through their class or target) would be dropped.
  const covered = (drug: string): boolean =>
    (/daratumumab|isatuximab/i.test(drug) && leaves.some((l) => (l.leaf.fact === 'classExposed' || l.leaf.fact === 'classRefractory' || l.leaf.fact === 'timeSince') && 'class' in l.leaf && l.leaf.class === 'ANTI_CD38')) ||
    (/belantamab|teclistamab|elranatamab/i.test(drug) && leaves.some((l) => l.leaf.fact === 'priorTargetTherapy' && l.leaf.target === 'BCMA'));
  if ([...t.matchAll(new RegExp(OTHER_DRUGS.source, 'gi'))].some((d) => !covered(d[0]))) return notDrafted('more drugs than the patterns read');
  const isAny = conditionsOnly;
  const rule: Rule = leaves.length === 1 ? leaves[0]!.leaf : isAny ? { any: leaves.map((l) => l.leaf) } : { all: leaves.map((l) => l.leaf) };
  return { rule, recognised: leaves.map((l) => l.what) };
}

/**
 * A section header: "Inclusion Criteria:", "Key Exclusion Criteria", "Inclusion:", "Exclusion Criteria – Part A:",
 * with anything after its colon being the first item. A line that only begins with the words ("exclusion criteria
 * of the parent study", a wrapped sentence) is not one.
 */
const HEADER = /^(?:key\s+)?(inclusion|exclusion)(?:\s+criteria)?(?:\s*[-–(][^:]{0,40})?\s*(?::\s*(.*))?$/i;
const BULLET = /^(?:[*•\-–]|\d+[.)]|[a-z][.)])\s+(.*)$/;

/**
 * Splits an eligibility text block (ClinicalTrials.gov style) into inclusion and exclusion items. Indented
 * sub-bullets belong to the item above them (joined with "; "), so "one of the following" keeps its
 * alternatives together. Text before any header is returned as `unsectioned` (never dropped).
 */
export function splitEligibilityText(text: string): { inclusion: string[]; exclusion: string[]; unsectioned: string[] } {
  const out = { inclusion: [] as string[], exclusion: [] as string[], unsectioned: [] as string[] };
  let section: 'inclusion' | 'exclusion' | 'unsectioned' = 'unsectioned';
  let current: string[] | null = null;
  const flush = (): void => {
    if (current) {
      const item = current.join(' ').replace(/\s+/g, ' ').trim();
      if (item) out[section].push(item);
    }
    current = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = HEADER.exec(line);
    if (header) {
      flush();
      section = header[1]!.toLowerCase() as 'inclusion' | 'exclusion';
      if (header[2]?.trim()) current = [header[2].trim()];
      continue;
    }
    if (line === '') {
      flush();
      continue;
    }
    const bullet = BULLET.exec(line);
    const nested = bullet !== null && /^\s{2,}/.test(raw) && current !== null;
    if (nested) current!.push(`; ${bullet[1]!}`);
    else if (bullet) {
      flush();
      current = [bullet[1]!];
    } else if (current) current.push(line);
    else current = [line];
  }
  flush();
  return out;
}
