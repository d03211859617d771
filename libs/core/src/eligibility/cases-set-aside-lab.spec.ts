/** A later lab value set aside (a unit mistake, a value no patient can have) leaves the value before it in doubt (v16, lab31 X09). */
import { demographics, lab } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

const AS_OF = '2025-06-01';
const outcome = (rule: unknown, events: Parameters<typeof buildProfile>[0]) => compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;
const male = demographics('1960-01-01', 'male', 80);

describe('a later lab value set aside', () => {
  const anc = { fact: 'lab', name: 'anc', op: '>=', value: 1.0, unit: '10*9/L' };

  it('leaves the lab unknown when it came after the value read; names itself in the explanation', () => {
    const events = [male, lab('2025-05-10', 'anc', 1.5, '10*9/L'), lab('2025-05-20', 'anc', 400, '10*9/L')];
    expect(outcome(anc, events)).toBe('UNKNOWN');
    const trace: unknown[] = [];
    compileRule(anc)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: trace as never });
    expect(JSON.stringify(trace)).toContain('set aside');
    // The profile keeps the lab and day of what it set aside.
    expect(buildProfile(events, AS_OF).unmapped).toContainEqual(expect.objectContaining({ lab: 'anc', date: '2025-05-20' }));
  });

  it('changes nothing when a valid value came after it, or it is of another lab', () => {
    expect(outcome(anc, [male, lab('2025-05-10', 'anc', 400, '10*9/L'), lab('2025-05-20', 'anc', 1.5, '10*9/L')])).toBe('MET');
    expect(outcome(anc, [male, lab('2025-05-10', 'anc', 1.5, '10*9/L'), lab('2025-05-20', 'platelets', 99999, '10*9/L')])).toBe('MET');
  });

  it('a unit that does not convert counts as set aside too', () => {
    expect(outcome(anc, [male, lab('2025-05-10', 'anc', 1.5, '10*9/L'), lab('2025-05-20', 'anc', 1.5, 'mg/dL')])).toBe('UNKNOWN');
  });

  it('Cockcroft–Gault: a later creatinine set aside leaves the clearance unknown', () => {
    const crcl = { fact: 'creatinineClearance', op: '>=', value: 40 };
    expect(outcome(crcl, [male, lab('2025-05-10', 'creatinine', 1.0, 'mg/dL')])).toBe('MET');
    expect(outcome(crcl, [male, lab('2025-05-10', 'creatinine', 1.0, 'mg/dL'), lab('2025-05-20', 'creatinine', 900, 'mg/dL')])).toBe('UNKNOWN');
  });
});
