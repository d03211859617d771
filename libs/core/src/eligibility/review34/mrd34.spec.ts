/**
 * mrd34 — hand-derived MRD / deep-response cases (domain.md §4 sCR/CR rows, MRD categories; docs/clinical-core.md
 * settings mrdMinSensitivity, sustainedMrdNeedsImaging; docs/criteria-language.md `mrd`, `responseAtLeast`).
 * Expectations written from the definitions before reading the implementation. Scratch review file; not committed.
 */
import { diagnosis, event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';
import { mapFhirBundle, SYSTEMS } from '../../fhir/map-bundle';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;

let k = 0;
const id = () => `m34-${String(++k).padStart(4, '0')}`;
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const clonal = (d: string, r: 'negative' | 'positive') => lab(d, 'marrow clonality', r === 'negative' ? 0 : 1, '', { result: r });
const ratio = (d: string, r: number) => lab(d, 'flc ratio', r, '1');
const KL = (d: string, kap: number, lam: number) => [lab(d, 'free kappa', kap, 'mg/L'), lab(d, 'free lambda', lam, 'mg/L')];
const pet = (d: string, r: 'negative' | 'positive') => event('imaging', d, { modality: 'PET-CT', mrd: r }, id());
const MRD = (d: string, result: string, method = 'NGS', sensitivity?: number | string | null, extra: Record<string, unknown> = {}) =>
  event('mrd', d, { result, method, ...(sensitivity === undefined ? { sensitivity: 1e-5 } : sensitivity === null ? {} : { sensitivity }), ...extra }, id());

// ---- scaffold A: line from 2024-02-01, IgG kappa serum-only disease, CR assessments at A1, A2 ----
const DX = () => diagnosis('2024-01-05', 'IgG', 'kappa');
const LINE = () => med('DRd', '2024-02-01', null);
const BASEV = () => [S('2024-01-20', 3.0), U('2024-01-20', 0), sIFE('2024-01-20', 'positive')];
const A1 = '2024-05-01', A2 = '2024-06-01', MB = '2024-05-15';
const crDay = (d: string) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
/** confirmed CR: two negative-IFE assessments, a marrow of `pct` % */
const CR = (pct = 3) => [DX(), LINE(), ...BASEV(), ...crDay(A1), ...crDay(A2), BM(MB, pct)];
/** sCR: CR + normal ratio at both assessments + non-clonal marrow */
const SCR = (r = 1.0) => [...CR(), ratio(A1, r), ratio(A2, r), clonal(MB, 'negative')];
const AS_OF = '2024-09-01';

const prof = (evs: Ev[], asOf = AS_OF, settings = DEFAULT_SETTINGS) => buildProfile(evs, asOf, settings);
const out = (rule: unknown, p: P, asOf = AS_OF) => compileRule(rule)({ profile: p, asOf, trace: null }).outcome;
const cat = (p: P) => (p.disease.computedResponse ? `${p.disease.computedResponse.category}${p.disease.computedResponse.confirmed ? '' : '?'}` : 'none');
const NEG = { fact: 'mrd', result: 'negative' };
const POS = { fact: 'mrd', result: 'positive' };

// ---- FHIR MRD observation ----
const fhirMrd = (date: string, sens: Record<string, unknown> | null, result = 'negative', method = 'NGS', specimen?: string): Ev[] => {
  const bundle = {
    resourceType: 'Bundle' as const,
    type: 'collection' as const,
    entry: [
      { resource: { resourceType: 'Patient' as const, id: 'p1', birthDate: '1958-04-02' } },
      {
        resource: {
          resourceType: 'Observation' as const, id: `mrd${++k}`, status: 'final' as const,
          code: { coding: [{ system: SYSTEMS.loinc, code: '98847-0' }] }, subject: { reference: 'Patient/p1' }, effectiveDateTime: date,
          valueString: result, method: { text: method },
          ...(specimen ? { specimen: { display: specimen } } : {}),
          component: sens ? [{ code: { text: 'Sensitivity' }, ...sens }] : [],
        },
      },
    ],
  };
  return mapFhirBundle(bundle as never).events.filter((e) => e.type === 'mrd');
};

interface Case { id: string; clause: string; summary: string; run: () => unknown; expected: unknown }
const cases: Case[] = [];
const add = (id: string, clause: string, summary: string, run: () => unknown, expected: unknown) => cases.push({ id, clause, summary, run, expected });

// ===================== A. CR / sCR boundaries (profile computed response) =====================
add('A01', '§4 CR: <5% PCs', 'CR scaffold, marrow 3%', () => cat(prof(CR(3))), 'CR');
add('A02', '§4 CR: <5% PCs (5 is not <5)', 'marrow exactly 5%', () => cat(prof(CR(5))), 'VGPR');
add('A03', '§4 CR: <5% PCs', 'marrow 4.9%', () => cat(prof(CR(4.9))), 'CR');
add('A04', '§4 sCR: CR + normal FLC ratio + no clonal PCs', 'ratio 1.0, clonality negative', () => cat(prof(SCR(1.0))), 'sCR');
add('A05', '§4 sCR; §5 normal ratio 0.26–1.65', 'ratio exactly 0.26', () => cat(prof(SCR(0.26))), 'sCR');
add('A06', '§4 sCR; §5 normal ratio 0.26–1.65', 'ratio exactly 1.65', () => cat(prof(SCR(1.65))), 'sCR');
add('A07', '§4 sCR; §5 0.26–1.65', 'ratio 0.25 → CR only', () => cat(prof(SCR(0.25))), 'CR');
add('A08', '§4 sCR; §5 0.26–1.65', 'ratio 1.66 → CR only', () => cat(prof(SCR(1.66))), 'CR');
add('A09', '§4 sCR; §5 ratio 1.65 computed from κ 3.3 / λ 2.0 mg/L', 'computed ratio at upper bound',
  () => cat(prof([...CR(), ...KL(A1, 3.3, 2.0), ...KL(A2, 3.3, 2.0), clonal(MB, 'negative')])), 'sCR');
add('A10', '§4 sCR; §5 ratio 0.26 computed from κ 2.6 / λ 10 mg/L', 'computed ratio at lower bound',
  () => cat(prof([...CR(), ...KL(A1, 2.6, 10), ...KL(A2, 2.6, 10), clonal(MB, 'negative')])), 'sCR');
add('A11', '§4 sCR: no clonal PCs', 'normal ratio but clonal marrow', () => cat(prof([...CR(), ratio(A1, 1), ratio(A2, 1), clonal(MB, 'positive')])), 'CR');
add('A12', '§4 CR needs negative serum AND urine IFE', 'urine IFE positive at A2', () => cat(prof([DX(), LINE(), ...BASEV(), ...crDay(A1), S(A2, 0), U(A2, 0), sIFE(A2, 'negative'), uIFE(A2, 'positive'), BM(MB, 3)])), 'VGPR');
add('A13', '§4 two consecutive assessments', 'only one CR assessment (A2), A1 VGPR-level (IFE+)',
  () => { const p = prof([DX(), LINE(), ...BASEV(), S(A1, 0), U(A1, 0), sIFE(A1, 'positive'), uIFE(A1, 'negative'), ...crDay(A2), BM(MB, 3)]); return p.disease.computedResponse?.category === 'CR' && p.disease.computedResponse.confirmed; }, false);
add('A14', '§4 CR: disappearance of soft-tissue plasmacytomas', 'CR labs but PET-CT in line shows plasmacytoma',
  () => cat(prof([...CR(), event('imaging', '2024-05-20', { modality: 'PET-CT', plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 25, perpendicularDiameterMm: 15 }] }, id())])), 'VGPR');
add('A15', '§4 CR: plasmacytomas disappeared', 'baseline plasmacytoma, in-line scan lists none',
  () => cat(prof([...CR(), event('imaging', '2024-01-25', { modality: 'PET-CT', plasmacytomas: [{ lesion: 'L1', longestDiameterMm: 25, perpendicularDiameterMm: 15 }] }, id()), event('imaging', '2024-05-20', { modality: 'PET-CT', plasmacytomas: [] }, id())])), 'CR');
add('A16', '§4 sCR requires CR', 'normal ratio + non-clonal but marrow 5%', () => cat(prof([...CR(5), ratio(A1, 1), ratio(A2, 1), clonal(MB, 'negative')])), 'VGPR');

// ===================== G. responseAtLeast (engine) =====================
const RA = (category: string) => ({ fact: 'responseAtLeast', category });
add('G01', 'crit-lang responseAtLeast; §4 CR', 'CR confirmed → CR or better MET', () => out(RA('CR'), prof(CR())), 'MET');
add('G02', 'crit-lang responseAtLeast couldBe', 'CR without ratio/clonality → sCR UNKNOWN', () => out(RA('sCR'), prof(CR())), 'UNKNOWN');
add('G03', '§4 CR <5%', 'marrow 5% → CR or better NOT_MET', () => out(RA('CR'), prof(CR(5))), 'NOT_MET');
add('G04', '§4 sCR ratio 1.66', 'ratio 1.66 → sCR NOT_MET', () => out(RA('sCR'), prof(SCR(1.66))), 'NOT_MET');
add('G05', '§4 sCR ratio 0.26', 'ratio 0.26 → sCR MET', () => out(RA('sCR'), prof(SCR(0.26))), 'MET');
add('G06', 'crit-lang couldBe (no marrow)', 'IFE-negative twice, no marrow → CR UNKNOWN',
  () => out(RA('CR'), prof([DX(), LINE(), ...BASEV(), ...crDay(A1), ...crDay(A2)])), 'UNKNOWN');

// ===================== B. MRD leaf =====================
const MD = '2024-06-15';
add('B01', '§4 seq MRD-neg ≥1e-5; requires CR', 'NGS neg 1e-5 after confirmed CR', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-5)])), 'MET');
add('B02', '§4 flow MRD-neg ≥1e-5', 'NGF neg 1e-5 after CR', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGF', 1e-5)])), 'MET');
add('B03', '§4 1e-5 minimum (1e-4 not enough)', 'NGS neg 1e-4 after CR → default rule', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-4)])), 'UNKNOWN');
add('B04', '§4 protocols may demand 1e-6', 'NGS neg 1e-6, rule 1e-6', () => out({ ...NEG, maxSensitivity: 1e-6 }, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-6)])), 'MET');
add('B05', '§4 protocols may demand 1e-6', 'NGS neg 1e-5, rule 1e-6', () => out({ ...NEG, maxSensitivity: 1e-6 }, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-5)])), 'UNKNOWN');
add('B06', '§4 1e-6 demanded', 'NGS neg 2e-6, rule 1e-6 (coarser than 1e-6)', () => out({ ...NEG, maxSensitivity: 1e-6 }, prof([...CR(), MRD(MD, 'negative', 'NGS', 2e-6)])), 'UNKNOWN');
add('B07', '§4 1e-5 minimum', 'NGS neg 2e-6, default rule', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS', 2e-6)])), 'MET');
add('B08', '§4 1e-5 minimum', 'NGS neg 1.5e-5 (coarser) → UNKNOWN', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS', 1.5e-5)])), 'UNKNOWN');
add('B09', 'crit-lang mrd: none → UNKNOWN', 'no MRD test, CR → negative UNKNOWN', () => out(NEG, prof(CR())), 'UNKNOWN');
add('B10', 'crit-lang mrd: none → UNKNOWN', 'no MRD test → positive UNKNOWN', () => out(POS, prof(CR())), 'UNKNOWN');
add('B11', '§4 MRD', 'NGS positive 1e-5 → negative NOT_MET', () => out(NEG, prof([...CR(), MRD(MD, 'positive', 'NGS', 1e-5)])), 'NOT_MET');
add('B12', '§4 MRD', 'NGS positive 1e-5 → positive MET', () => out(POS, prof([...CR(), MRD(MD, 'positive', 'NGS', 1e-5)])), 'MET');
add('B13', 'crit-lang: a positive is positive at any finer sensitivity', 'NGS positive at 1e-4 → positive MET', () => out(POS, prof([...CR(), MRD(MD, 'positive', 'NGS', 1e-4)])), 'MET');
add('B14', 'crit-lang: a positive is positive at any finer sensitivity', 'NGS positive at 1e-4 → negative NOT_MET', () => out(NEG, prof([...CR(), MRD(MD, 'positive', 'NGS', 1e-4)])), 'NOT_MET');
add('B15', '§4 NGF/NGS only', 'method other, neg 1e-5 → UNKNOWN', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'other', 1e-5)])), 'UNKNOWN');
add('B16', 'settings mrdMinSensitivity: none recorded not IMWG MRD-neg', 'NGS neg, no sensitivity → UNKNOWN', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS', null)])), 'UNKNOWN');
add('B17', '§4 MRD requires CR', 'NGS neg 1e-5, VGPR confirmed, another VGPR assessed after the test → NOT_MET',
  () => out(NEG, prof([DX(), LINE(), ...BASEV(), S(A1, 0), sIFE(A1, 'positive'), uIFE(A1, 'negative'), U(A1, 0), S(A2, 0), U(A2, 0), sIFE(A2, 'positive'), uIFE(A2, 'negative'), BM(MB, 2),
    MRD(MD, 'negative', 'NGS', 1e-5), S('2024-07-01', 0), U('2024-07-01', 0), sIFE('2024-07-01', 'positive'), uIFE('2024-07-01', 'negative')])), 'NOT_MET');
add('B18', '§4 MRD requires CR; crit-lang: assessed only before test → UNKNOWN', 'VGPR (IFE+) assessed only before the MRD test',
  () => out(NEG, prof([DX(), LINE(), ...BASEV(), S(A1, 0), sIFE(A1, 'positive'), U(A1, 0), uIFE(A1, 'negative'), S(A2, 0), U(A2, 0), sIFE(A2, 'positive'), uIFE(A2, 'negative'), BM(MB, 2), MRD(MD, 'negative', 'NGS', 1e-5)])), 'UNKNOWN');
add('B19', '§4 MRD requires CR; crit-lang: not on record → UNKNOWN', 'MRD neg, no response data at all',
  () => out(NEG, prof([DX(), LINE(), MRD(MD, 'negative', 'NGS', 1e-5)])), 'UNKNOWN');
add('B20', '§4 MRD requires CR; unconfirmed CR → UNKNOWN', 'one CR assessment only, then MRD neg',
  () => out(NEG, prof([DX(), LINE(), ...BASEV(), S(A1, 0), U(A1, 0), sIFE(A1, 'positive'), uIFE(A1, 'negative'), ...crDay(A2), BM(MB, 3), MRD(MD, 'negative', 'NGS', 1e-5)])), 'UNKNOWN');
add('B21', '§4 sCR ⊂ CR', 'sCR + NGS neg 1e-5 → MET', () => out(NEG, prof([...SCR(), MRD(MD, 'negative', 'NGS', 1e-5)])), 'MET');
add('B22', '§4 MRD requires CR (reported)', 'reported CR twice + NGS neg → MET',
  () => out(NEG, prof([DX(), LINE(), event('response-assessment', A1, { category: 'CR' }, id()), event('response-assessment', A2, { category: 'CR' }, id()), MRD(MD, 'negative', 'NGS', 1e-5)])), 'MET');
// B23 fixed after run (CASE WRONG): crit-lang: a response below CR assessed only before the test leaves 'negative' UNKNOWN.
add('B23', '§4 MRD requires CR; crit-lang assessed only before the test → UNKNOWN', 'IFE-neg ×2 but marrow 5% (VGPR) before MRD neg → UNKNOWN',
  () => out(NEG, prof([...CR(5), MRD(MD, 'negative', 'NGS', 1e-5)])), 'UNKNOWN');
// MRD over time
add('B24', 'crit-lang mrd: the latest assessment', 'neg (06-15) then positive (08-01) → negative NOT_MET', () => out(NEG, prof([...CR(), MRD(MD, 'negative'), MRD('2024-08-01', 'positive')])), 'NOT_MET');
add('B25', 'crit-lang mrd: the latest assessment', 'neg then positive → positive MET', () => out(POS, prof([...CR(), MRD(MD, 'negative'), MRD('2024-08-01', 'positive')])), 'MET');
add('B26', 'crit-lang mrd: the latest', 'positive (06-15) then neg (08-01) → negative MET', () => out(NEG, prof([...CR(), MRD(MD, 'positive'), MRD('2024-08-01', 'negative')])), 'MET');
add('B27', 'crit-lang mrd: the latest', 'neg, positive, neg (latest) → negative MET', () => out(NEG, prof([...CR(), MRD('2024-06-10', 'negative'), MRD('2024-07-10', 'positive'), MRD('2024-08-10', 'negative')])), 'MET');
add('B28', 'crit-lang mrd v14: coarser later negative passed over', 'neg 1e-5 then neg 1e-4 → MET', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-5), MRD('2024-08-01', 'negative', 'NGS', 1e-4)])), 'MET');
add('B29', 'crit-lang mrd v14', 'positive 1e-5 then neg 1e-4 (too coarse) → negative not MET (UNKNOWN or NOT_MET)',
  () => { const o = out(NEG, prof([...CR(), MRD(MD, 'positive', 'NGS', 1e-5), MRD('2024-08-01', 'negative', 'NGS', 1e-4)])); return o !== 'MET'; }, true);
add('B30', 'crit-lang mrd v15: same-day positive and negative → UNKNOWN', 'NGS neg and NGF pos same day', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS'), MRD(MD, 'positive', 'NGF')])), 'UNKNOWN');
add('B31', 'crit-lang mrd maxAgeDays (within N days)', 'neg 90 days before screening, maxAgeDays 90 → MET',
  () => out({ ...NEG, maxAgeDays: 90 }, prof([...CR(), MRD('2024-06-03', 'negative')])), 'MET');
add('B32', 'crit-lang mrd maxAgeDays', 'neg 91 days before screening, maxAgeDays 90 → UNKNOWN',
  () => out({ ...NEG, maxAgeDays: 90 }, prof([...CR(), MRD('2024-06-02', 'negative')])), 'UNKNOWN');
add('B33', 'crit-lang mrd maxSensitivity 1e-4 given by protocol', 'neg 1e-4, rule maxSensitivity 1e-4 → MET', () => out({ ...NEG, maxSensitivity: 1e-4 }, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-4)])), 'MET');
add('B34', 'crit-lang negative too coarse for either result', 'neg 1e-4, rule positive → UNKNOWN', () => out(POS, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-4)])), 'UNKNOWN');
add('B35', 'crit-lang: valid negative never meets positive', 'neg 1e-5 while VGPR → positive NOT_MET',
  () => out(POS, prof([DX(), LINE(), ...BASEV(), S(A1, 0), sIFE(A1, 'positive'), U(A1, 0), uIFE(A1, 'negative'), S(A2, 0), U(A2, 0), sIFE(A2, 'positive'), uIFE(A2, 'negative'), BM(MB, 2), MRD(MD, 'negative')])), 'NOT_MET');
add('B36', 'crit-lang "MRD-negative at 1e-5 within N days" all-combination', 'all(mrd neg maxAge 60, responseAtLeast CR), MRD 61 days old → UNKNOWN',
  () => out({ all: [{ ...NEG, maxAgeDays: 60 }, RA('CR')] }, prof([...CR(), MRD('2024-07-02', 'negative')])), 'UNKNOWN');
add('B37', 'same, 60 days old', 'MRD 60 days old → MET', () => out({ all: [{ ...NEG, maxAgeDays: 60 }, RA('CR')] }, prof([...CR(), MRD('2024-07-03', 'negative')])), 'MET');
add('B38', 'clinical-core: MRD method read whatever its case', 'method "ngs" lower-case → MET', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'ngs', 1e-5)])), 'MET');
add('B39', 'clinical-core v15: specimen other than marrow → other method', 'peripheral blood neg 1e-5 → UNKNOWN', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-5, { specimen: 'peripheral blood' })])), 'UNKNOWN');
add('B40', 'clinical-core v15: specimen bone marrow counts', 'bone marrow aspirate neg 1e-5 → MET', () => out(NEG, prof([...CR(), MRD(MD, 'negative', 'NGF', 1e-5, { specimen: 'bone marrow aspirate' })])), 'MET');

// ===================== N. relapse from MRD negativity (profile negativityLost + leaf) =====================
const lost = (p: P) => (p.disease.mrd.negativityLost ? p.disease.mrd.negativityLost.date : null);
add('N01', '§4 relapse from MRD-neg: relapse-from-CR events (IFE reappears)', 'neg then serum IFE positive 07-15', () => lost(prof([...CR(), MRD(MD, 'negative'), sIFE('2024-07-15', 'positive')])), '2024-07-15');
add('N02', '§4 relapse from MRD-neg → rule reads positive', 'neg then serum IFE positive → negative NOT_MET', () => out(NEG, prof([...CR(), MRD(MD, 'negative'), sIFE('2024-07-15', 'positive')])), 'NOT_MET');
add('N03', '§4 relapse from MRD-neg → rule reads positive', 'neg then serum IFE positive → positive MET', () => out(POS, prof([...CR(), MRD(MD, 'negative'), sIFE('2024-07-15', 'positive')])), 'MET');
add('N04', '§4 relapse from CR: ≥5% marrow PCs', 'neg then marrow exactly 5%', () => lost(prof([...CR(), MRD(MD, 'negative'), BM('2024-07-20', 5)])), '2024-07-20');
add('N05', '§4 relapse from CR: ≥5% marrow PCs', 'neg then marrow 4.9% → not lost', () => lost(prof([...CR(), MRD(MD, 'negative'), BM('2024-07-20', 4.9)])), null);
add('N06', '§4 relapse from MRD-neg: loss of imaging negativity', 'neg then PET-CT positive', () => lost(prof([...CR(), MRD(MD, 'negative'), pet('2024-07-25', 'positive')])), '2024-07-25');
add('N07', '§4 relapse from CR: M-protein by electrophoresis', 'neg then serum M-protein 0.1', () => lost(prof([...CR(), MRD(MD, 'negative'), S('2024-07-10', 0.1)])), '2024-07-10');
add('N08', '§4 relapse before the negative does not count', 'IFE positive 06-10 then MRD neg 06-15 (latest) → not lost',
  () => lost(prof([...CR(), sIFE('2024-06-10', 'positive'), MRD(MD, 'negative')])), null);
add('N09', 'clinical-core v15: coarser negative after relapse does not undo it', 'neg 1e-5, IFE+ 07-15, neg 1e-4 08-01 → lost 07-15',
  () => lost(prof([...CR(), MRD(MD, 'negative'), sIFE('2024-07-15', 'positive'), MRD('2024-08-01', 'negative', 'NGS', 1e-4)])), '2024-07-15');
add('N10', 'clinical-core relapseFromCr: MRD positive is relapse from MRD-neg only', 'CR then MRD positive → relapseFromCr null',
  () => prof([...CR(), MRD(MD, 'negative'), MRD('2024-08-01', 'positive')]).disease.relapseFromCr ?? null, null);
add('N11', '§4 relapse from CR ≥5% PCs', 'CR then marrow 5% → relapseFromCr dated', () => prof([...CR(), BM('2024-07-20', 5)]).disease.relapseFromCr?.date ?? null, '2024-07-20');
add('N12', '§4 relapse from CR', 'CR then marrow 4.9% → relapseFromCr null', () => prof([...CR(), BM('2024-07-20', 4.9)]).disease.relapseFromCr ?? null, null);
add('N13', '§4 urine IFE reappearance', 'neg then urine IFE positive', () => lost(prof([...CR(), MRD(MD, 'negative'), uIFE('2024-07-18', 'positive')])), '2024-07-18');
add('N14', '§4 relapse from MRD-neg', 'neg then PET-CT negative (not a relapse)', () => lost(prof([...CR(), MRD(MD, 'negative'), pet('2024-07-25', 'negative')])), null);

// ===================== C. imaging-plus =====================
const IMG = { ...NEG, imaging: true };
add('C01', '§4 imaging-plus: NGF/NGS neg + PET-CT neg', 'CR, NGS neg, PET neg → MET', () => out(IMG, prof([...CR(), MRD(MD, 'negative'), pet('2024-06-20', 'negative')])), 'MET');
add('C02', 'crit-lang: no PET-CT for imaging → UNKNOWN', 'CR, NGS neg, no PET', () => out(IMG, prof([...CR(), MRD(MD, 'negative')])), 'UNKNOWN');
add('C03', '§4 imaging-plus', 'CR, NGS neg, PET positive before the marrow → NOT_MET', () => out(IMG, prof([...CR(), pet('2024-06-01', 'positive'), MRD(MD, 'negative')])), 'NOT_MET');
add('C04', '§4 imaging-plus: latest PET', 'PET neg then PET pos (latest) → NOT_MET', () => out(IMG, prof([...CR(), MRD(MD, 'negative'), pet('2024-06-20', 'negative'), pet('2024-08-01', 'positive')])), 'NOT_MET');
add('C05', '§4 imaging-plus needs NGF/NGS neg at 1e-5', 'PET neg, marrow neg 1e-4 → UNKNOWN', () => out(IMG, prof([...CR(), MRD(MD, 'negative', 'NGS', 1e-4), pet('2024-06-20', 'negative')])), 'UNKNOWN');
add('C06', 'crit-lang imaging within maxAgeDays', 'PET neg 100 days old, maxAgeDays 60 → UNKNOWN', () => out({ ...IMG, maxAgeDays: 60 }, prof([...CR(), pet('2024-05-24', 'negative'), MRD('2024-08-01', 'negative')])), 'UNKNOWN');
add('C07', '§4 imaging-plus: PET pos then PET neg (latest)', 'PET pos 05-20, PET neg 06-20 → MET', () => out(IMG, prof([...CR(), pet('2024-05-20', 'positive'), MRD(MD, 'negative'), pet('2024-06-20', 'negative')])), 'MET');
add('C08', 'crit-lang imaging: PET since the latest progression', 'PET neg, then progression (reported PD) then CR again & MRD neg → UNKNOWN',
  () => out(IMG, prof([DX(), med('DRd', '2023-01-01', '2023-09-01'), S('2022-12-20', 3.0), U('2022-12-20', 0), pet('2023-05-01', 'negative'),
    event('response-assessment', '2023-10-01', { category: 'PD' }, id()), med('KPd', '2023-10-10', null), event('response-assessment', '2024-05-01', { category: 'CR' }, id()), event('response-assessment', '2024-06-01', { category: 'CR' }, id()), MRD(MD, 'negative')])), 'UNKNOWN');

// ===================== D. sustained MRD negativity =====================
// scaffold with CR in 2022, marrow and PET negatives on the given dates
const SCAF = () => [diagnosis('2021-05-01', 'IgG', 'kappa'), med('DRd', '2021-06-01', null), S('2021-05-20', 3.0), U('2021-05-20', 0), sIFE('2021-05-20', 'positive'),
  ...crDay('2022-01-01'), ...crDay('2022-02-01'), BM('2022-01-15', 2)];
const both = (d1: string, d2: string, asOf = '2025-06-01') => prof([...SCAF(), MRD(d1, 'negative'), pet(d1, 'negative'), MRD(d2, 'negative'), pet(d2, 'negative')], asOf);
const sus = (p: P) => p.disease.mrd.sustainedNegative;
add('D01', '§4 sustained ≥1 year; clinical-core calendar year', '2023-03-01 → 2024-03-01 (366 d, leap) → true', () => sus(both('2023-03-01', '2024-03-01')), true);
add('D02', 'clinical-core calendar year', '2023-03-01 → 2024-02-29 (365 d) → false', () => sus(both('2023-03-01', '2024-02-29')), false);
add('D03', 'clinical-core: from 29 Feb, on 1 March', '2024-02-29 → 2025-02-28 → false', () => sus(both('2024-02-29', '2025-02-28')), false);
add('D04', 'clinical-core: from 29 Feb, on 1 March', '2024-02-29 → 2025-03-01 → true', () => sus(both('2024-02-29', '2025-03-01')), true);
add('D05', '§4 ≥1 year', '2022-03-01 → 2023-03-01 (365 d, common) → true', () => sus(both('2022-03-01', '2023-03-01')), true);
add('D06', '§4 ≥1 year', '2023-01-01 → 2023-12-31 → false', () => sus(both('2023-01-01', '2023-12-31')), false);
add('D07', 'calendar year in leap year', '2024-01-01 → 2024-12-31 (365 d) → false', () => sus(both('2024-01-01', '2024-12-31')), false);
add('D08', 'calendar year', '2024-01-01 → 2025-01-01 → true', () => sus(both('2024-01-01', '2025-01-01')), true);
add('D09', 'calendar year', '2023-02-28 → 2024-02-28 → true', () => sus(both('2023-02-28', '2024-02-28')), true);
add('D10', '§4 sustained needs imaging (sustainedMrdNeedsImaging true)', 'marrow a year, no PET → sustained false, marrow true',
  () => { const p = prof([...SCAF(), MRD('2023-03-01', 'negative'), MRD('2024-03-01', 'negative')], '2025-06-01'); return [p.disease.mrd.sustainedNegative, p.disease.mrd.sustainedMarrowNegative]; }, [false, true]);
add('D11', 'setting sustainedMrdNeedsImaging false', 'marrow a year, no PET → sustained true',
  () => sus(prof([...SCAF(), MRD('2023-03-01', 'negative'), MRD('2024-03-01', 'negative')], '2025-06-01', { ...DEFAULT_SETTINGS, sustainedMrdNeedsImaging: false })), true);
add('D12', '§4 sustained: span of both', 'marrow 2023-01-01→2024-01-01, PET 2023-02-01→2024-02-01 → overlap <1y → false',
  () => sus(prof([...SCAF(), MRD('2023-01-01', 'negative'), MRD('2024-01-01', 'negative'), pet('2023-02-01', 'negative'), pet('2024-02-01', 'negative')], '2025-06-01')), false);
add('D13', '§4 sustained: span of both', 'marrow 2023-01-01→2024-03-01, PET 2023-02-01→2024-02-01 → exactly a year overlap → true',
  () => sus(prof([...SCAF(), MRD('2023-01-01', 'negative'), MRD('2024-03-01', 'negative'), pet('2023-02-01', 'negative'), pet('2024-02-01', 'negative')], '2025-06-01')), true);
add('D14', '§4 sustained: positive between breaks it', 'marrow neg 2023-01, pos 2023-07, neg 2024-02; PET neg both ends → false',
  () => sus(prof([...SCAF(), MRD('2023-01-01', 'negative'), pet('2023-01-01', 'negative'), MRD('2023-07-01', 'positive'), MRD('2024-02-01', 'negative'), pet('2024-02-01', 'negative')], '2025-06-01')), false);
add('D15', '§4 sustained: PET positive between breaks it', 'PET pos 2023-07 between → false',
  () => sus(prof([...SCAF(), MRD('2023-01-01', 'negative'), pet('2023-01-01', 'negative'), pet('2023-07-01', 'positive'), MRD('2024-02-01', 'negative'), pet('2024-02-01', 'negative')], '2025-06-01')), false);
add('D16', 'clinical-core: coarser negatives neither extend nor end a run', '1e-4 neg in the middle, ends 1e-5 → true',
  () => sus(prof([...SCAF(), MRD('2023-01-01', 'negative'), pet('2023-01-01', 'negative'), MRD('2023-07-01', 'negative', 'NGS', 1e-4), MRD('2024-02-01', 'negative'), pet('2024-02-01', 'negative')], '2025-06-01')), true);
add('D17', 'clinical-core: coarser negatives do not extend', 'end marrow neg at 1e-4 → bound is the earlier 1e-5 → false',
  () => sus(prof([...SCAF(), MRD('2023-03-01', 'negative'), pet('2023-03-01', 'negative'), MRD('2023-09-01', 'negative'), MRD('2024-03-01', 'negative', 'NGS', 1e-4), pet('2024-03-01', 'negative')], '2025-06-01')), false);
add('D18', 'clinical-core: relapse ends a run', 'serum IFE positive 2023-08 between → false',
  () => sus(prof([...SCAF(), MRD('2023-01-01', 'negative'), pet('2023-01-01', 'negative'), sIFE('2023-08-01', 'positive'), MRD('2024-02-01', 'negative'), pet('2024-02-01', 'negative')], '2025-06-01')), false);
add('D19', '§4 sustained via FHIR-free NGF/NGS mix', 'NGF neg then NGS neg a year apart + PET → true',
  () => sus(prof([...SCAF(), MRD('2023-03-01', 'negative', 'NGF'), pet('2023-03-01', 'negative'), MRD('2024-03-01', 'negative', 'NGS'), pet('2024-03-01', 'negative')], '2025-06-01')), true);
add('D20', 'crit-lang mrd sustained', 'rule sustained: marrow+PET a year → MET', () => out({ ...NEG, sustained: true }, both('2023-03-01', '2024-03-01'), '2025-06-01'), 'MET');
add('D21', 'crit-lang mrd sustained', 'rule sustained: 365 days across leap day → NOT_MET', () => out({ ...NEG, sustained: true }, both('2023-03-01', '2024-02-29'), '2025-06-01'), 'NOT_MET');
add('D22', 'crit-lang: no PET-CT for sustained when marrow a year → UNKNOWN', 'marrow year no PET',
  () => out({ ...NEG, sustained: true }, prof([...SCAF(), MRD('2023-03-01', 'negative'), MRD('2024-03-01', 'negative')], '2025-06-01'), '2025-06-01'), 'UNKNOWN');
add('D23', '§4 sustained: asOf cuts later events', 'asOf 2024-02-29 ignores 2024-03-01 → false', () => sus(both('2023-03-01', '2024-03-01', '2024-02-29')), false);
add('D24', '§4 sustained: one assessment only', 'single marrow+PET neg → false', () => sus(prof([...SCAF(), MRD('2023-03-01', 'negative'), pet('2023-03-01', 'negative')], '2025-06-01')), false);
add('D25', '§4 sustained: sensitivity 1e-4 bounds', 'both marrow negatives at 1e-4 → false',
  () => sus(prof([...SCAF(), MRD('2023-03-01', 'negative', 'NGS', 1e-4), pet('2023-03-01', 'negative'), MRD('2024-03-01', 'negative', 'NGS', 1e-4), pet('2024-03-01', 'negative')], '2025-06-01')), false);
add('D26', '§4 sustained: marrow other method', 'method other bounds → false',
  () => sus(prof([...SCAF(), MRD('2023-03-01', 'negative', 'other'), pet('2023-03-01', 'negative'), MRD('2024-03-01', 'negative', 'other'), pet('2024-03-01', 'negative')], '2025-06-01')), false);

// ===================== E. sensitivity encodings (FHIR) =====================
const fh = (v: Record<string, unknown> | null, method = 'NGS', result = 'negative', specimen?: string) => out(NEG, prof([...CR(), ...fhirMrd(MD, v, result, method, specimen)]));
add('E01', '§4 1e-5; fhir-mapping 0.001%', '"0.001%" → MET', () => fh({ valueString: '0.001%' }), 'MET');
add('E02', 'fhir-mapping 10^-5', '"10^-5" → MET', () => fh({ valueString: '10^-5' }), 'MET');
add('E03', '§4 1e-4 not enough', '"0.01%" → UNKNOWN', () => fh({ valueString: '0.01%' }), 'UNKNOWN');
add('E04', '§4 1e-4 not enough', '"10^-4" → UNKNOWN', () => fh({ valueString: '10^-4' }), 'UNKNOWN');
add('E05', 'fhir-mapping "1 in 100,000"', '"1 in 100,000" → MET', () => fh({ valueString: '1 in 100,000' }), 'MET');
add('E06', 'fhir-mapping "1 in 10^5"', '"1 in 10,000" → UNKNOWN', () => fh({ valueString: '1 in 10,000' }), 'UNKNOWN');
add('E07', 'fhir-mapping quantity %', 'valueQuantity 0.001 % → MET', () => fh({ valueQuantity: { value: 0.001, code: '%' } }), 'MET');
add('E08', 'fhir-mapping quantity %', 'valueQuantity 0.01 % → UNKNOWN', () => fh({ valueQuantity: { value: 0.01, code: '%' } }), 'UNKNOWN');
add('E09', 'fhir-mapping 1e-5', '"1e-5" → MET', () => fh({ valueString: '1e-5' }), 'MET');
add('E10', 'fhir-mapping 10⁻⁶ with rule 1e-6', '"10⁻⁶" NGF → MET at 1e-6',
  () => out({ ...NEG, maxSensitivity: 1e-6 }, prof([...CR(), ...fhirMrd(MD, { valueString: '10⁻⁶' }, 'negative', 'EuroFlow NGF')])), 'MET');
add('E11', 'fhir-mapping: no sensitivity → not IMWG', 'no sensitivity component → UNKNOWN', () => fh(null), 'UNKNOWN');
add('E12', 'fhir-mapping specimen other than marrow', 'peripheral blood specimen → UNKNOWN', () => fh({ valueString: '10^-5' }, 'NGS', 'negative', 'Peripheral blood'), 'UNKNOWN');
add('E13', 'fhir-mapping "<1e-5"', '"<1e-5" → MET', () => fh({ valueString: '<1e-5' }), 'MET');
add('E14', 'fhir-mapping 10E-5', '"10E-5" → MET', () => fh({ valueString: '10E-5' }), 'MET');
add('E15', 'fhir-mapping 2x10^-5 (coarser than 1e-5)', '"2x10^-5" → UNKNOWN', () => fh({ valueString: '2x10^-5' }), 'UNKNOWN');
add('E16', 'fhir-mapping "0.0001%" = 1e-6', '"0.0001%" at rule 1e-6 → MET',
  () => out({ ...NEG, maxSensitivity: 1e-6 }, prof([...CR(), ...fhirMrd(MD, { valueString: '0.0001%' })])), 'MET');
add('E17', 'fhir-mapping 1 in 1,000,000', '"1 in 1,000,000" at rule 1e-6 → MET',
  () => out({ ...NEG, maxSensitivity: 1e-6 }, prof([...CR(), ...fhirMrd(MD, { valueString: '1 in 1,000,000' })])), 'MET');
add('E18', 'fhir-mapping: method flow cytometry → NGF', 'method "next-generation flow" 10^-5 → MET', () => fh({ valueString: '10^-5' }, 'next-generation flow cytometry'), 'MET');

describe('mrd34: MRD and deep responses (hand-derived)', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      expect(c.run()).toEqual(c.expected);
    });
  }
});
