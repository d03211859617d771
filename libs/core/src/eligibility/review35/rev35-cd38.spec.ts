/** rev35 — CD38 named in unread medications (classExposed ANTI_CD38 / triple-class): false positives. Scratch review file. */
import { med, diagnosis } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const DX = diagnosis('2021-06-01', 'IgG', 'kappa');
const out = (rule: unknown, p: P) => compileRule(rule)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const withUnread = (text: string) => buildProfile([DX, med('VRd', '2022-01-01', '2022-06-30'), med(text, '2023-01-01', '2023-06-30')] as Ev[], AS_OF);

describe('rev35 CD38 words', () => {
  it('C00 control: "investigational anti-CD38 antibody" → classExposed ANTI_CD38 UNKNOWN', () =>
    expect(out({ fact: 'classExposed', class: 'ANTI_CD38' }, withUnread('investigational anti-CD38 antibody'))).toBe('UNKNOWN'));
  it('C01 "XYZ-101 for CD38-negative disease" names no anti-CD38 therapy → ANTI_CD38 not exposed (NOT_MET)', () =>
    expect(out({ fact: 'classExposed', class: 'ANTI_CD38' }, withUnread('XYZ-101 for CD38-negative disease'))).toBe('NOT_MET'));
  it('C02 "CD38 CAR-T (investigational)" is a cell therapy, not an anti-CD38 antibody → ANTI_CD38 NOT_MET', () =>
    expect(out({ fact: 'classExposed', class: 'ANTI_CD38' }, withUnread('investigational CD38 CAR-T cells'))).toBe('NOT_MET'));
  it('C03 triple-class flag: "XYZ-101 for CD38-negative disease" → tripleClassExposed NOT_MET', () =>
    expect(out({ fact: 'flag', name: 'tripleClassExposed' }, withUnread('XYZ-101 for CD38-negative disease'))).toBe('NOT_MET'));
  it('C04 "XYZ-101 (CD138-directed)" → ANTI_CD38 NOT_MET', () =>
    expect(out({ fact: 'classExposed', class: 'ANTI_CD38' }, withUnread('XYZ-101 (CD138-directed)'))).toBe('NOT_MET'));
});
