/**
 * mrd34 batch 3 — MRD negativity against relapse from CR (domain.md §4 "MRD categories (require CR)", "Relapse from CR",
 * "Relapse from MRD-negative"). Written after batches 1–2 ran, from the definitions; scratch review file, not committed.
 */
import { diagnosis, event, lab, med } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type P = ReturnType<typeof buildProfile>;
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string, r: string) => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: string) => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const crDay = (d: string) => [S(d, 0), U(d, 0), sIFE(d, 'negative'), uIFE(d, 'negative')];
const base = () => [diagnosis('2024-01-05', 'IgG', 'kappa'), med('DRd', '2024-02-01', null), S('2024-01-20', 3.0), U('2024-01-20', 0), sIFE('2024-01-20', 'positive'), lab('2024-01-20', 'calcium', 9.5, 'mg/dL')];
const CR = () => [...base(), ...crDay('2024-05-01'), ...crDay('2024-06-01'), BM('2024-05-15', 3)];
const neg = (d: string, method = 'NGS') => event('mrd', d, { result: 'negative', method, sensitivity: 1e-5 });
const AS_OF = '2024-09-01';
const prof = (evs: unknown[]) => buildProfile(evs as never, AS_OF);
const out = (rule: unknown, p: P) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const NEG = { fact: 'mrd', result: 'negative' };
const notMet = (o: string) => (o === 'MET' ? 'MET' : 'not MET');

const cases: Array<[string, string, string, () => unknown, unknown]> = [
  ['R01', '§4 MRD requires CR; relapse from CR: ≥5% marrow PCs', 'CR 06-01, marrow 20% 07-01, NGS neg 1e-5 07-15 → negative not MET', () => notMet(out(NEG, prof([...CR(), BM('2024-07-01', 20), neg('2024-07-15')]))), 'not MET'],
  ['R02', '§4 MRD requires CR; relapse from CR: ≥5% (exactly 5)', 'CR, marrow 5% 07-01, NGS neg 07-15 → not MET', () => notMet(out(NEG, prof([...CR(), BM('2024-07-01', 5), neg('2024-07-15')]))), 'not MET'],
  ['R03', '§4 MRD requires CR; relapse from CR: IFE reappearance', 'CR, serum IFE positive 07-01, NGF neg 07-15 → not MET', () => notMet(out(NEG, prof([...CR(), sIFE('2024-07-01', 'positive'), neg('2024-07-15', 'NGF')]))), 'not MET'],
  ['R04', '§4 MRD requires CR; the MRD marrow itself ≥5%', 'CR, NGS neg and marrow 5% on the same day → not MET', () => notMet(out(NEG, prof([...CR(), neg('2024-07-15'), BM('2024-07-15', 5)]))), 'not MET'],
  ['R05', 'control: marrow 4.9% is no relapse from CR', 'CR, marrow 4.9% 07-01, NGS neg 07-15 → MET', () => out(NEG, prof([...CR(), BM('2024-07-01', 4.9), neg('2024-07-15')])), 'MET'],
  ['R06', '§4 marrow needs no confirmation (CR) → MRD-negative', 'marrow 6% 04-20, IFE neg 05-01 & 06-01, marrow 3% 05-15, NGS neg 06-15 → MET',
    () => out(NEG, prof([...base(), BM('2024-04-20', 6), ...crDay('2024-05-01'), ...crDay('2024-06-01'), BM('2024-05-15', 3), neg('2024-06-15')])), 'MET'],
  ['R07', '§4 marrow needs no confirmation', 'same, responseAtLeast CR → MET',
    () => out({ fact: 'responseAtLeast', category: 'CR' }, prof([...base(), BM('2024-04-20', 6), ...crDay('2024-05-01'), ...crDay('2024-06-01'), BM('2024-05-15', 3)])), 'MET'],
  ['R08', '§4 relapse from MRD-neg includes relapse-from-CR "other sign of progression" (IMWG 2016: hypercalcaemia)', 'CR, NGS neg 06-15, calcium 11.5 mg/dL 07-15 → negativityLost dated',
    () => prof([...CR(), neg('2024-06-15'), lab('2024-07-15', 'calcium', 11.5, 'mg/dL')]).disease.mrd.negativityLost?.date ?? null, '2024-07-15'],
  ['R09', 'same, rule', 'CR, NGS neg, hypercalcaemia after → negative not MET',
    () => notMet(out(NEG, prof([...CR(), neg('2024-06-15'), lab('2024-07-15', 'calcium', 11.5, 'mg/dL')]))), 'not MET'],
  ['R10', '§4 relapse from CR includes hypercalcaemia (project relapseFromCr)', 'CR then calcium 11.5 → relapseFromCr 07-15',
    () => prof([...CR(), lab('2024-07-15', 'calcium', 11.5, 'mg/dL')]).disease.relapseFromCr?.date ?? null, '2024-07-15'],
  ['R11', '§4 relapse from MRD-neg: new lesion (progression)', 'CR, NGS neg, imaging newLesions 07-20 → negativityLost dated',
    () => prof([...CR(), neg('2024-06-15'), event('imaging', '2024-07-20', { modality: 'MRI', newLesions: true })]).disease.mrd.negativityLost?.date ?? null, '2024-07-20'],
];

describe('mrd34c: MRD negativity vs relapse from CR (hand-derived)', () => {
  for (const [cid, clause, summary, run, expected] of cases) it(`${cid} [${clause}] ${summary}`, () => expect(run()).toEqual(expected));
});
