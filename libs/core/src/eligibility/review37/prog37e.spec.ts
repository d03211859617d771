/**
 * prog37 — hand-derived IMWG 2016 progression / relapse cases (domain.md §1, §4; docs/clinical-core.md settings and
 * "Disease", "Relapse indicators"; docs/criteria-language.md leaves). Expectations written from the definitions before
 * reading the implementation. Scratch review file; not committed.
 */
import { diagnosis, lab, med, mrd, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
type Settings = Parameters<typeof buildProfile>[2];
const AS_OF = '2025-12-31';

const DX = diagnosis('2024-12-01', 'IgG', 'kappa');
const RD = med('Rd', '2025-01-01', null);

const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const CR_ = (d: string, v: number) => lab(d, 'creatinine', v, 'mg/dL');

/** The standard assessment days: baseline then monthly. */

const rfc = (p: P) => p.disease.relapseFromCr ? `relapse@${p.disease.relapseFromCr.date}` : 'none';
const rule = (r: unknown, asOf = AS_OF) => (p: P) => compileRule(r)({ profile: p, asOf, trace: null }).outcome;

interface Case { id: string; clause: string; summary: string; events: Ev[]; read: (p: P) => unknown; expected: unknown; asOf?: string; settings?: Settings }
const CRx = [DX, RD, S('2024-12-20', 2.0), response('2025-04-01', 'CR')];

const cases: Case[] = [
  { id: 'W01', clause: 'criteria-language mrd: relapse from CR before the test → negative not met', summary: 'CR 04-01; sIFE pos 04-15; MRD neg 05-01', events: [...CRx, sIFE('2025-04-15', 'positive'), mrd('2025-05-01', 'negative', 'NGS', 1e-5)], read: rule({ fact: 'mrd', result: 'negative' }), expected: 'NOT_MET' },
  { id: 'W02', clause: 'criteria-language mrd: relapse on the test\'s own day → unknown', summary: 'CR 04-01; MRD neg 05-01 and sIFE pos 05-01', events: [...CRx, mrd('2025-05-01', 'negative', 'NGS', 1e-5), sIFE('2025-05-01', 'positive')], read: rule({ fact: 'mrd', result: 'negative' }), expected: 'UNKNOWN' },
  { id: 'W03', clause: 'criteria-language mrd: valid negative in CR, nothing after → met', summary: 'CR 04-01; MRD neg 05-01', events: [...CRx, mrd('2025-05-01', 'negative', 'NGS', 1e-5)], read: rule({ fact: 'mrd', result: 'negative' }), expected: 'MET' },
  { id: 'W04', clause: '§4 relapse from MRD-neg: marrow ≥5% after the negative (rule reads positive)', summary: 'CR; MRD neg 05-01; marrow 5% 07-01', events: [...CRx, mrd('2025-05-01', 'negative', 'NGS', 1e-5), BM('2025-07-01', 5)], read: rule({ fact: 'mrd', result: 'positive' }), expected: 'MET' },
  {
    id: 'W05', clause: '§4 relapse from CR: the CR reported again after a relapse resets (latest CR)', summary: 'CR 03-01; marrow 6% 04-01; CR 05-01; sIFE pos 07-01',
    events: [DX, RD, S('2024-12-20', 2.0), response('2025-03-01', 'CR'), BM('2025-04-01', 6), response('2025-05-01', 'CR'), sIFE('2025-07-01', 'positive')], read: (p) => `${p.disease.relapseFromCr?.crDate}>${p.disease.relapseFromCr?.date}`, expected: '2025-05-01>2025-07-01',
  },
  {
    id: 'W06', clause: '§4 clinical relapse: creatinine +2 from start of therapy after CR (relapse from CR) when it had not risen before', summary: 'Cr 1.0 start; CR 04-01; Cr 3.0 06-01',
    events: [...CRx, CR_('2024-12-20', 1.0), CR_('2025-04-01', 1.0), CR_('2025-06-01', 3.0)], read: rfc, expected: 'relapse@2025-06-01',
  },
  {
    id: 'W07', clause: '§4 creatinine from start of therapy: a CR-day value lower than the start does not lower the baseline', summary: 'Cr 2.0 start; 0.8 at CR; 2.9 06-01 (+0.9 from start, +2.1 from CR day)',
    events: [...CRx, CR_('2024-12-20', 2.0), CR_('2025-04-01', 0.8), CR_('2025-06-01', 2.9)], read: rfc, expected: 'none',
  },
];

describe('prog37e MRD / CR relapse with the engine', () => {
  for (const c of cases) {
    it(`${c.id} [${c.clause}] ${c.summary}`, () => {
      const p = buildProfile(c.events, c.asOf ?? AS_OF, c.settings ?? DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
