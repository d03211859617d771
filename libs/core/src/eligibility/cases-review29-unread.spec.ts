/** rev29: unread-medication lines (unreadLines in compile.ts). */
import { carT, event, med, response } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const at = (rule: unknown, events: Ev[], asOf: string) => compileRule(rule)({ profile: buildProfile(events, asOf), asOf, trace: null });

describe('rev29 unreadLines: planned intents', () => {
  const base: Ev[] = [med('VRd', '2020-01-01', '2020-06-30'), response('2020-04-01', 'VGPR')];
  const blinded = 'investigational agent XY-1 (blinded)';

  it('control: a blinded study drug begun apart from the lines may be a line (priorLines ≤ 1 unknown)', () => {
    expect(at({ fact: 'priorLines', max: 1 }, [...base, med(blinded, '2022-01-01', '2022-06-30')], '2024-06-01').outcome).toBe('UNKNOWN');
  });

  it('the same text recorded once more as maintenance must not hide the earlier course given apart', () => {
    const events = [...base, med(blinded, '2022-01-01', '2022-06-30'), event('procedure', '2022-09-01', { kind: 'autologous-sct' }), med(blinded, '2022-11-01', null, { intent: 'maintenance' })];
    expect(at({ fact: 'priorLines', max: 1 }, events, '2024-06-01').outcome).toBe('UNKNOWN');
  });

  it('recorded as maintenance but begun after a progression (the core: salvage, whatever the intent) may be a line', () => {
    // The core would read a catalogued drug here as a new line (lines-of-therapy: "recorded as maintenance but started after progression").
    const catalogued = buildProfile([...base, response('2021-06-01', 'PD'), med('pomalidomide', '2021-08-01', null, { intent: 'maintenance' })], '2024-06-01');
    expect(catalogued.linesOfTherapy.count).toBe(2);
    const events = [...base, response('2021-06-01', 'PD'), med(blinded, '2021-08-01', null, { intent: 'maintenance' })];
    expect(at({ fact: 'priorLines', max: 1 }, events, '2024-06-01').outcome).toBe('UNKNOWN');
  });
});

describe('rev29 unreadLines: supportive care around a CAR-T infusion', () => {
  it('tocilizumab for CRS 3 days after the infusion (the CAR-T line opened by bridging 40 days before) is no line', () => {
    const events: Ev[] = [
      med('VRd', '2021-01-01', '2021-12-31'),
      response('2021-06-01', 'VGPR'),
      response('2024-05-01', 'PD'),
      med('Kd', '2024-08-22', '2024-09-20', { intent: 'bridging' }),
      carT('2024-10-01', 'cilta-cel'),
      med('tocilizumab for CRS after CAR-T', '2024-10-04', '2024-10-04'),
    ];
    const p = buildProfile(events, '2025-01-15');
    expect(p.linesOfTherapy.lines.map((l) => l.start)).toEqual(['2021-01-01', '2024-08-22']);
    expect(compileRule({ fact: 'priorLines', max: 2 })({ profile: p, asOf: '2025-01-15', trace: null }).outcome).toBe('MET');
    expect(compileRule({ fact: 'priorCarT', scope: 'lastLine' })({ profile: p, asOf: '2025-01-15', trace: null }).outcome).toBe('MET');
  });
});
