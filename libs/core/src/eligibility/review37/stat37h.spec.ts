/**
 * stat37h — a drug stopped (toxicity) without its end beside regimen partners of known end: same regimen, partner
 * begun 9 days later (within the grouping window). Hand-derived from docs/clinical-core.md v17 (undecidedStatus).
 */
import { diagnosis, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const rule = (r: unknown, p: P) => compileRule(r)({ profile: p, asOf: p.asOf, trace: null }).outcome;
const DX = diagnosis('2019-06-01', 'IgG', 'kappa');
const build = (lenStart: string, pd: string) => buildProfile([DX, med('bortezomib', '2024-01-01', null, { reasonStopped: 'toxicity' }), med('lenalidomide', lenStart, '2024-06-30'),
  med('dexamethasone', '2024-01-01', '2024-06-30'), response('2024-03-01', 'PR'), response(pd, 'PD')] as Ev[], '2024-10-01', DEFAULT_SETTINGS);
const flag = (name: string) => ({ fact: 'flag', name });

describe('stat37h partner begun later', () => {
  it('YA1 [V stopped w/o end, R same day, PD 61 d after R: relapsed unknown (V may have run past R)]', () => expect(rule(flag('relapsed'), build('2024-01-01', '2024-08-30'))).toBe('UNKNOWN'));
  it('YA2 [… R&R unknown]', () => expect(rule(flag('relapsedAndRefractory'), build('2024-01-01', '2024-08-30'))).toBe('UNKNOWN'));
  it('YB1 [same, R begun 9 days later (same regimen): relapsed unknown too]', () => expect(rule(flag('relapsed'), build('2024-01-10', '2024-08-30'))).toBe('UNKNOWN'));
  it('YB2 [… R&R unknown too]', () => expect(rule(flag('relapsedAndRefractory'), build('2024-01-10', '2024-08-30'))).toBe('UNKNOWN'));
  it('YB3 [… bortezomib refractoriness unknown]', () => expect(rule({ fact: 'drugRefractory', drug: 'bortezomib' }, build('2024-01-10', '2024-08-30'))).toBe('UNKNOWN'));
  it('YB4 [… one line]', () => expect(build('2024-01-10', '2024-08-30').linesOfTherapy.count).toBe(1));
});
