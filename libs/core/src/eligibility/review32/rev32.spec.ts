/**
 * rev32 — review of 52f3cbd (v16). Each case fails on 52f3cbd and passes on 52f3cbd^ (checked against a copy of the
 * parent tree) except where noted. Expectations from domain.md and docs/clinical-core.md (v16 paragraph).
 */
import { diagnosis, event, lab, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const outcome = (rule: unknown, p: P, asOf: string) => compileRule(rule)({ profile: p, asOf, trace: null }).outcome;
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const KL = (d: string, k: number, l: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const DX = diagnosis('2023-06-01', 'IgG', 'kappa');

describe('rev32 A: a course recorded as stopped for progression without its end (v16 endUnknown)', () => {
  // Rd recorded "stopped: progression", no end; PR, then a biochemical progression (no other therapy given meanwhile);
  // pomalidomide begun after it. The record itself says the regimen was stopped because the disease progressed on it.
  const AS_OF = '2024-12-01';
  const evs: Ev[] = [
    DX,
    med('Rd', '2024-01-01', null, { reasonStopped: 'progression' }),
    S('2023-12-20', 3), U('2023-12-20', 50),
    S('2024-02-15', 1.2), U('2024-02-15', 50), S('2024-03-15', 1.1), U('2024-03-15', 50),
    S('2024-05-15', 1.8), S('2024-06-15', 1.9),
    med('pomalidomide', '2024-07-01', null),
  ];
  const p = buildProfile(evs, AS_OF);
  it('A01 lenalidomide is not read as known non-refractory (last dose not known: refractory or unknown, never NOT_MET)', () => {
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide' }, p, AS_OF)).not.toBe('NOT_MET');
  });
  it('A02 the progression is not read as off therapy: flag relapsed is not MET', () => {
    expect(outcome({ fact: 'flag', name: 'relapsed' }, p, AS_OF)).not.toBe('MET');
  });
  it('A03 same with a reported PD instead of labs', () => {
    const q = buildProfile([DX, med('Rd', '2024-01-01', null, { reasonStopped: 'progression' }), response('2024-03-01', 'PR'), response('2024-04-01', 'PR'), response('2024-06-01', 'PD'), med('pomalidomide', '2024-07-01', null)], AS_OF);
    expect(outcome({ fact: 'drugRefractory', drug: 'lenalidomide' }, q, AS_OF)).not.toBe('NOT_MET');
    expect(outcome({ fact: 'flag', name: 'relapsed' }, q, AS_OF)).not.toBe('MET');
  });
});

describe('rev32 B: marrow-only CR (v16: confirmed by two consecutive immunofixations)', () => {
  // Serum 0, urine 0, normal FLC throughout; marrow 40% at baseline, 2% twice in the line. Serum and urine
  // immunofixation both negative twice, each pair taken two days apart (the usual chart).
  const LINE = med('DRd', '2025-01-01', null);
  const nonsec = ['2024-12-15', '2025-02-01', '2025-03-01', '2025-04-01', '2025-05-01'].flatMap((d) => [S(d, 0), U(d, 0), ...KL(d, 15, 12)]);
  it('B01 serum and urine immunofixation of one assessment on different days still show CR', () => {
    const p = buildProfile([LINE, ...nonsec, BM('2024-12-10', 40), BM('2025-02-20', 2), BM('2025-04-20', 2),
      sIFE('2025-02-15', 'negative'), uIFE('2025-02-17', 'negative'), sIFE('2025-04-15', 'negative'), uIFE('2025-04-17', 'negative')], '2025-06-01');
    const c = p.disease.computedResponse;
    expect(c && ['CR', 'sCR'].includes(c.category) && c.confirmed).toBe(true);
  });
});

describe('rev32 C: same-day gain(1q) copy number beside amp(1q) is another subclone, whatever the record order', () => {
  const AS_OF = '2025-06-01';
  const cy = (d: string, ab: string, extra: object, id: string) => event('cytogenetics', d, { abnormality: ab, result: 'detected', ...extra }, id);
  const earlier = cy('2023-01-10', 'amp(1q)', { percentCells: 30, copyNumber: 4 }, 'r32c0');
  const amp = (p: P) => outcome({ fact: 'cytogenetics', abnormality: 'amp(1q)' }, p, AS_OF);
  it('C01 amp(1q) id first: amp stands', () => {
    expect(amp(buildProfile([earlier, cy('2024-01-15', 'amp(1q)', { percentCells: 25, copyNumber: 5 }, 'r32c1a'), cy('2024-01-15', 'gain(1q)', { percentCells: 40, copyNumber: 3 }, 'r32c1b')], AS_OF))).toBe('MET');
  });
  it('C02 gain(1q) id first: amp stands too', () => {
    expect(amp(buildProfile([earlier, cy('2024-01-15', 'gain(1q)', { percentCells: 40, copyNumber: 3 }, 'r32c2a'), cy('2024-01-15', 'amp(1q)', { percentCells: 25, copyNumber: 5 }, 'r32c2b')], AS_OF))).toBe('MET');
  });
});
