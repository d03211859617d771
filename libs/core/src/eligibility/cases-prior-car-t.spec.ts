/**
 * `priorCarT`: a CAR-T infusion of any product, recognised or not ("any prior CAR-T"), or (`scope: lastLine`) one in
 * the last line of therapy ("subjects who had CAR T therapy as their last myeloma therapy", CC-220-MM-001 inc-04).
 */
import { carT, med } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

const AS_OF = '2025-06-01';
type Ev = Parameters<typeof buildProfile>[0][number];
const run = (rule: unknown, events: Ev[]): string => compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;
const PRIOR: Ev[] = [med('VRd', '2021-01-01', '2021-06-01'), med('DPd', '2022-01-01', '2023-06-01')];
const ever = { fact: 'priorCarT' };
const last = { fact: 'priorCarT', scope: 'lastLine' };

describe('priorCarT', () => {
  it('a cilta-cel infusion, and one of a product the catalog cannot read: ever, and as the last line', () => {
    for (const product of ['ciltacabtagene autoleucel', 'an unnamed academic CAR-T']) {
      const events = [...PRIOR, carT('2024-01-15', product)];
      expect([run(ever, events), run(last, events)]).toEqual(['MET', 'MET']);
    }
  });

  it('a line after the CAR-T: still ever, no longer the last line; no CAR-T: neither', () => {
    const after = [...PRIOR, carT('2024-01-15', 'idecabtagene vicleucel'), med('teclistamab', '2024-09-01', null)];
    expect([run(ever, after), run(last, after)]).toEqual(['MET', 'NOT_MET']);
    expect([run(ever, PRIOR), run(last, PRIOR)]).toEqual(['NOT_MET', 'NOT_MET']);
  });

  it('an unread medication naming a CAR-T leaves "ever" open; no history leaves both open', () => {
    expect(run(ever, [...PRIOR, med('investigational CAR-T (blinded)', '2024-01-15', '2024-01-15')])).toBe('UNKNOWN');
    expect(run(ever, [])).toBe('UNKNOWN');
  });

  it('CC-220-MM-001 inc-04 reads it: a CAR-T of an unread product as the last line, with progression after it, meets it', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const doc = JSON.parse(readFileSync(join(__dirname, '../../../../data/trials/NCT02773030.json'), 'utf8')) as { cohorts?: Array<{ criteria: Array<{ id: string; rule: unknown }> }>; criteria?: Array<{ id: string; rule: unknown }> };
    const criteria = [...(doc.criteria ?? []), ...(doc.cohorts ?? []).flatMap((c) => c.criteria)];
    const inc04 = criteria.find((c) => c.id === 'inc-04')!;
    const events = [...PRIOR, carT('2024-01-15', 'an unnamed academic CAR-T'), { ...med('x', '2024-01-01', null), type: 'response-assessment', occurredAt: '2024-11-01', data: { category: 'PD' } }];
    expect(run(inc04.rule, events)).toBe('MET');
  });
});

describe('refractory to a CAR-T: progression within 60 days of the infusion, whatever the response in between', () => {
  const course = (product: string, pd: string) => [...PRIOR, carT('2024-01-15', product), { ...med('x', '2024-01-01', null), type: 'response-assessment', occurredAt: '2024-02-10', data: { category: 'PR' } }, { ...med('x', '2024-01-01', null), type: 'response-assessment', occurredAt: pd, data: { category: 'PD' } }];

  it('cilta-cel, PR, PD on day 49: refractory to it and to the last line; PD on day 75 after the PR: neither', () => {
    const p = buildProfile(course('ciltacabtagene autoleucel', '2024-03-04'), AS_OF);
    expect([p.drugs['ciltacabtagene autoleucel']!.refractory, p.flags.refractoryToLastLine]).toEqual([true, true]);
    const late = buildProfile(course('ciltacabtagene autoleucel', '2024-03-30'), AS_OF);
    expect([late.drugs['ciltacabtagene autoleucel']!.refractory, late.flags.refractoryToLastLine]).toEqual([false, false]);
  });

  it('a product the catalog cannot read: refractory to the last line by the infusion itself', () => {
    expect(buildProfile(course('an unnamed academic CAR-T', '2024-03-04'), AS_OF).flags.refractoryToLastLine).toBe(true);
  });
});
