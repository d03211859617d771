/** rev30: a plasmacytoma on a scan before the line, no scan since: CR awaits imaging, but VGPR is not in doubt. */
import { diagnosis, event, lab, med } from '../testing/events';
import { buildProfile } from '../patient/profile';
import { compileRule } from './compile';

type Ev = Parameters<typeof buildProfile>[0][number];
const AS_OF = '2025-09-01';
const S = (d: string, v: number) => lab(d, 'serum m-protein', v, 'g/dL');
const U = (d: string, v: number) => lab(d, 'urine m-protein', v, 'mg/24h');
const sIFE = (d: string) => lab(d, 'serum immunofixation', 0, '', { result: 'negative' });
const uIFE = (d: string) => lab(d, 'urine immunofixation', 0, '', { result: 'negative' });
const crV = (d: string): Ev[] => [S(d, 0), U(d, 0), sIFE(d), uIFE(d)];
const crCore: Ev[] = [diagnosis('2024-11-01', 'IgG', 'kappa'), med('DRd', '2025-01-01', null), S('2024-12-15', 2.0), U('2024-12-15', 50), ...crV('2025-02-01'), ...crV('2025-03-01'), lab('2025-02-15', 'marrow plasma cells', 2, '%')];
// The staging PET-CT at diagnosis showed extramedullary disease; not imaged since (B17 of resp29).
const events: Ev[] = [...crCore, event('imaging', '2024-12-20', { modality: 'PET-CT', extramedullary: { present: true } })];
const run = (rule: unknown) => compileRule(rule)({ profile: buildProfile(events, AS_OF), asOf: AS_OF, trace: null }).outcome;

describe('rev30 imagingLimit: pending CR cap hides a certain VGPR', () => {
  it('CR itself is unknown (as designed)', () => expect(run({ fact: 'responseAtLeast', category: 'CR' })).toBe('UNKNOWN'));
  it('responseAtLeast VGPR (current) is MET: serum/urine M-protein gone twice; imaging only caps CR', () => {
    expect(run({ fact: 'responseAtLeast', category: 'VGPR' })).toBe('MET');
  });
  it('responseAtLeast VGPR ever is MET', () => expect(run({ fact: 'responseAtLeast', category: 'VGPR', ever: true })).toBe('MET'));
  it('best response is at least VGPR', () => expect(buildProfile(events, AS_OF).disease.bestResponse).toMatch(/VGPR|CR/));
});
