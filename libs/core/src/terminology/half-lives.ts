/**
 * Elimination half-lives for washouts written as "N half-lives" (domain.md §7: washouts as drug class, minimum
 * days, optional N half-lives, the shorter or the longer). Each is the longest value its source gives for patients
 * (the upper end of a range, or the patients' mean when only a mean is given), in days, with where it was read:
 * a washout from it is never shorter than the label allows. A drug not listed has no half-life here, and a washout
 * that needs one is unknown for it. Verify against the current label before relying on a value.
 */
export interface HalfLife {
  days: number;
  /** As the source writes it. */
  stated: string;
  source: string;
}

const h = (hours: number): number => hours / 24;

/**
 * Read 2026-12-01 from public copies of labels and monographs (several not the US label itself: the source says
 * which). Not listed, no source found: isatuximab (its label gives no half-life, only ≥99% eliminated ~2 months after
 * the last dose), elotuzumab, panobinostat, belantamab mafodotin, teclistamab, talquetamab, linvoseltamab,
 * iberdomide, mezigdomide, liposomal doxorubicin, etoposide, daratumumab SC; cisplatin left out (the parent drug's
 * 20–30 minutes against platinum's days to weeks: which one a protocol means is its own).
 */
export const HALF_LIVES: Readonly<Record<string, HalfLife>> = {
  lenalidomide: { days: h(5), stated: '3–5 h', source: 'drug information (watsonshealth.com.ph/lenalidomide), not the US label (~3 h in healthy subjects)' },
  pomalidomide: { days: h(7.5), stated: 'median 7.5 h in patients with MM (9.5 h in healthy subjects)', source: 'US label wording (empr.com/drug/pomalyst)' },
  thalidomide: { days: h(7), stated: '5–7 h', source: "Davis's Drug Guide" },
  bortezomib: { days: h(108.6), stated: '75.6–108.6 h after repeated 1.3 mg/m² doses (9–15 h after the first)', source: 'pharmacokinetics review table (PMC6151281); the US label may give a longer range: verify' },
  carfilzomib: { days: h(0.66), stated: '0.66 (SD 0.48) h, cycle 1 day 1, relapsed/refractory MM', source: 'pharmacokinetics review table (PMC6151281)' },
  ixazomib: { days: 9.5, stated: 'terminal phase 9.5 days', source: 'Swiss product information (ch.oddb.org, reg. 65959)' },
  daratumumab: { days: 18, stated: '18 ± 9 days (IV)', source: 'Lexicomp on drugs.com (drugs.com/ppa/daratumumab.html)' },
  selinexor: { days: h(8), stated: 'mean 6 to 8 hours after a single dose', source: 'label wording in a product insert (jnspharma.com)' },
  venetoclax: { days: h(26), stated: 'population estimate ~26 hours', source: 'US label text (copy)' },
  melphalan: { days: h(1.5), stated: '1.5 ± 0.83 h (tablets, patients); ~75 min IV', source: 'drugs.com/ppa/melphalan.html; cancertherapyadvisor.com/drug/melphalan' },
  cyclophosphamide: { days: h(12), stated: 'unchanged drug 3 to 12 hours', source: 'US label text (copy)' },
  dexamethasone: { days: h(3.6), stated: 'mean plasma 3.6 ± 0.9 hours', source: 'Philippine product information (MIMS), not the US label' },
  elranatamab: { days: 22, stated: '22 days at 76 mg', source: 'Cancer Care Ontario drug monograph 79626' },
  bendamustine: { days: h(40 / 60), stated: 'intermediate half-life ~40 min, the effective one', source: 'review (PMC4441746)' },
  doxorubicin: { days: h(48), stated: 'terminal 20 to 48 hours', source: 'US label section (pfizermedicalinformation.com/en-us/doxorubicin)' },
};

export function halfLifeOf(generic: string): HalfLife | undefined {
  return HALF_LIVES[generic];
}
