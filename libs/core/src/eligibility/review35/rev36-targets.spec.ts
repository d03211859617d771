/** rev36c — relapse signs, unread medication words. Kept as a regression suite. */
import { event, lab, med, diagnosis } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string) => lab(d, 'serum immunofixation', 0, '', { result: 'negative' });
const uIFE = (d: string) => lab(d, 'urine immunofixation', 0, '', { result: 'negative' });
const out = (rule: unknown, p: P) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const DX = diagnosis('2021-06-01', 'IgG', 'kappa');
const withUnread = (text: string) => buildProfile([DX, med('VRd', '2022-01-01', '2022-06-30'), med(text, '2023-01-01', '2023-06-30')] as Ev[], AS_OF);

describe('rev36 relapse signs', () => {
  const cr = [
    med('DRd', '2024-01-01', null), S('2023-12-15', 2.0), U('2023-12-15', 50),
    ...['2024-06-01', '2024-08-01', '2024-10-01'].flatMap((d) => [S(d, 0), U(d, 0), sIFE(d), uIFE(d)]),
  ];
  it('H00 control: no hyperviscosity → no progression', () => {
    const p = buildProfile(cr, AS_OF);
    expect(p.disease.progressions.map((x) => `${x.source}@${x.date}`)).toEqual([]);
  });
  it('H01 hyperviscosity "history" recorded in the line with no onset date (a past episode) is no relapse sign', () => {
    const p = buildProfile([...cr, event('condition', '2025-03-01', { kind: 'hyperviscosity', status: 'history' })] as Ev[], AS_OF);
    expect((p.disease.clinicalRelapse ?? []).filter((c) => c.kind === 'hyperviscosity')).toEqual([]);
  });
});

describe('rev36 unread target words', () => {
  it('T00 control: "investigational BCMA CAR-T" → priorBcmaCarT UNKNOWN', () =>
    expect(out({ fact: 'flag', name: 'priorBcmaCarT' }, withUnread('investigational BCMA CAR-T'))).toBe('UNKNOWN'));
  it('T01 "investigational CAR-T for BCMA-positive myeloma" may be a BCMA CAR-T → UNKNOWN (NEGATED_TARGET now strips "BCMA-positive")', () =>
    expect(out({ fact: 'flag', name: 'priorBcmaCarT' }, withUnread('investigational CAR-T for BCMA-positive myeloma'))).toBe('UNKNOWN'));
});
