/**
 * rev36b — review of a111394 / 09329f8: response.ts (assessmentVisitDays, crIfMarrow, dFLC) and profile.ts (status flags).
 * Kept as a regression suite.
 */
import { carT, event, lab, med, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2025-06-01';
const R = (d: string, c: string) => response(d, c);
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const K = (d: string, k: number, l: number) => [lab(d, 'free kappa', k, 'mg/L'), lab(d, 'free lambda', l, 'mg/L')];
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const uIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'urine immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const rule = (r: unknown) => (p: P) => compileRule(r)({ profile: p, asOf: AS_OF, trace: null }).outcome;
const cur = (p: P) => (p.disease.computedResponse ? `${p.disease.computedResponse.category}${p.disease.computedResponse.confirmed ? '' : '?'}` : 'none');
const status = (p: P) => `pr${+p.flags.primaryRefractory} rr${+p.flags.relapsedAndRefractory} r${+p.flags.relapsed} rtll${+p.flags.refractoryToLastLine}`;

interface Case { id: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [
  {
    id: 'V01-ife-day-before-one-visit',
    clause: 'clinical-core assessmentVisitDays: an immunofixation alone the day before the electrophoresis is that assessment\'s ("as one the day before is"); one visit confirms nothing (IMWG 2016 two consecutive assessments)',
    events: [med('DRd', '2025-01-01', null), S('2024-12-15', 2.0), sIFE('2025-02-28', 'negative'), uIFE('2025-02-28', 'negative'), S('2025-03-01', 0), U('2025-03-01', 0), BM('2025-03-01', 2)],
    read: (p) => p.disease.computedResponse?.confirmed ?? 'none',
    expected: false,
  },
  {
    id: 'V02-flc-only-ife-next-day',
    clause: 'v17 / assessmentVisitDays rationale "IMWG 2016 assesses every parameter at each assessment": FLC-only disease, the immunofixations reported the day after each FLC draw belong to that assessment → CR confirmed',
    events: [
      med('DRd', '2025-01-01', null), S('2024-12-15', 0.2), U('2024-12-15', 50), ...K('2024-12-15', 500, 10),
      ...K('2025-02-01', 10, 8), sIFE('2025-02-02', 'negative'), uIFE('2025-02-02', 'negative'), BM('2025-02-02', 2),
      ...K('2025-03-01', 10, 8), sIFE('2025-03-02', 'negative'), uIFE('2025-03-02', 'negative'),
    ],
    read: cur,
    expected: 'CR',
  },
  {
    id: 'T01-rtll-stop-for-pd-after-pr',
    clause: 'domain §1 / v17: KPd (last line) stopped for progression after PR, nothing since: the last line is refractory, no MR since the progression that made it so',
    events: [
      med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-08-15', 'PD'),
      med('KPd', '2023-09-01', null, { reasonStopped: 'progression' }), R('2023-11-01', 'PR'), R('2024-01-01', 'PR'),
    ],
    read: status,
    expected: 'pr0 rr1 r0 rtll1',
  },
  {
    id: 'T02-rtll-stop-for-pd-after-pr-engine',
    clause: 'same as T01, engine leaf',
    events: [
      med('Rd', '2023-01-01', '2023-06-30', { reasonStopped: 'completed' }), R('2023-03-01', 'PR'), R('2023-05-01', 'PR'), R('2023-08-15', 'PD'),
      med('KPd', '2023-09-01', null, { reasonStopped: 'progression' }), R('2023-11-01', 'PR'), R('2024-01-01', 'PR'),
    ],
    read: rule({ fact: 'flag', name: 'refractoryToLastLine' }),
    expected: 'MET',
  },
  {
    id: 'V03-ife-day-before-second-visit',
    clause: 'assessmentVisitDays ("as one the day before is"): visit 1 02-01 CR (IFE neg, SPEP/UPEP 0, marrow 2%); visit 2 IFE neg reported 02-28, SPEP/UPEP 0 on 03-01 → two CR assessments, CR confirmed',
    events: [
      med('DRd', '2025-01-01', null), S('2024-12-15', 2.0),
      S('2025-02-01', 0), U('2025-02-01', 0), sIFE('2025-02-01', 'negative'), uIFE('2025-02-01', 'negative'), BM('2025-02-01', 2),
      sIFE('2025-02-28', 'negative'), uIFE('2025-02-28', 'negative'), S('2025-03-01', 0), U('2025-03-01', 0),
    ],
    read: cur,
    expected: 'CR',
  },
  {
    id: 'C03-control-ife-day-after',
    clause: 'control for V03: the same with the second IFE reported the day after (03-02) is CR (passes)',
    events: [
      med('DRd', '2025-01-01', null), S('2024-12-15', 2.0),
      S('2025-02-01', 0), U('2025-02-01', 0), sIFE('2025-02-01', 'negative'), uIFE('2025-02-01', 'negative'), BM('2025-02-01', 2),
      sIFE('2025-03-02', 'negative'), uIFE('2025-03-02', 'negative'), S('2025-03-01', 0), U('2025-03-01', 0),
    ],
    read: cur,
    expected: 'CR',
  },
  {
    id: 'T03-rtll-marrow-pr-after-cart',
    clause: 'v17 "refractoryToLastLine asks for no response since what made the last line refractory" (bridging failed, then a response on the CAR-T): nonsecretory disease, computed marrow PR after the infusion',
    events: [
      med('VRd', '2022-01-01', '2022-06-30', { reasonStopped: 'completed' }), R('2022-03-01', 'PR'), R('2022-05-01', 'PR'), R('2023-12-01', 'PD'),
      S('2023-12-20', 0.1), U('2023-12-20', 50), ...K('2023-12-20', 15, 10), BM('2023-12-20', 60),
      event('procedure', '2023-12-28', { kind: 'apheresis' }),
      med('Kd', '2024-01-01', '2024-02-20', { intent: 'bridging', reasonStopped: 'progression' }), R('2024-02-15', 'PD'),
      carT('2024-03-01', 'cilta-cel'), BM('2024-06-01', 20), BM('2024-09-01', 10),
    ],
    read: (p) => p.flags.refractoryToLastLine,
    expected: false,
  },
  {
    id: 'C04-control-reported-pr-after-cart',
    clause: 'control for T03: the same with the PR reported (2024-06-01, 2024-09-01) is not refractory to the last line (passes)',
    events: [
      med('VRd', '2022-01-01', '2022-06-30', { reasonStopped: 'completed' }), R('2022-03-01', 'PR'), R('2022-05-01', 'PR'), R('2023-12-01', 'PD'),
      S('2023-12-20', 0.1), U('2023-12-20', 50), ...K('2023-12-20', 15, 10), BM('2023-12-20', 60),
      event('procedure', '2023-12-28', { kind: 'apheresis' }),
      med('Kd', '2024-01-01', '2024-02-20', { intent: 'bridging', reasonStopped: 'progression' }), R('2024-02-15', 'PD'),
      carT('2024-03-01', 'cilta-cel'), R('2024-06-01', 'PR'), R('2024-09-01', 'PR'),
    ],
    read: (p) => p.flags.refractoryToLastLine,
    expected: false,
  },
  {
    id: 'N01-nearMaybe-later-steroid-pulse',
    clause: 'v17: Rd stopped (toxicity) without its end, last dose unknown; a 10-day dexamethasone pulse later; PD 2023-12-01 → len refractoriness and relapsed / R&R undecided',
    events: [
      med('Rd', '2023-01-01', null, { reasonStopped: 'toxicity' }), R('2023-02-15', 'PR'), R('2023-03-15', 'PR'),
      med('dexamethasone', '2023-04-01', '2023-04-10', { reasonStopped: 'completed' }), R('2023-12-01', 'PD'),
    ],
    read: (p) => `${rule({ fact: 'drugRefractory', drug: 'lenalidomide' })(p)} ${rule({ fact: 'flag', name: 'relapsed' })(p)} ${rule({ fact: 'flag', name: 'relapsedAndRefractory' })(p)}`,
    expected: 'UNKNOWN UNKNOWN UNKNOWN',
  },
];

describe('rev36b', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.clause}`, () => {
      const p = buildProfile(c.events, AS_OF);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
