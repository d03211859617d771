/**
 * relapse37c — third batch: day's-latest reading in relapse from CR / MRD, hyperviscosity episodes, MRD leaf at a finer
 * sensitivity after a relapse. Expectations from domain.md §4 and docs (clinical-core v14/v16 day's latest; criteria-language mrd).
 */
import { event, lab, med, mrd, response } from '../../testing/events';
import { buildProfile } from '../../patient/profile';
import { DEFAULT_SETTINGS } from '../../patient/settings';
import { compileRule } from '../../eligibility/compile';

type Ev = Parameters<typeof buildProfile>[0][number];
type P = ReturnType<typeof buildProfile>;
const AS_OF = '2026-06-01';
const L1 = med('Rd', '2025-01-01', null);
const S = (d: string, v: number, unit = 'g/dL') => lab(d, 'serum m-protein', v, unit);
const sIFE = (d: string, r: 'negative' | 'positive') => lab(d, 'serum immunofixation', r === 'negative' ? 0 : 1, '', { result: r });
const BM = (d: string, pct: number) => lab(d, 'marrow plasma cells', pct, '%');
const img = (d: string, data: Record<string, unknown>, modality = 'CT') => event('imaging', d, { modality, ...data });
const pl = (d: string, ls: Array<[string, number, number]>) => img(d, { plasmacytomas: ls.map(([lesion, a, b]) => ({ lesion, longestDiameterMm: a, perpendicularDiameterMm: b })) });
const hv = (d: string, status: string, onsetDate?: string) => event('condition', d, { kind: 'hyperviscosity', status, ...(onsetDate ? { onsetDate } : {}) });

const clin = (kind?: string) => (p: P) => (p.disease.clinicalRelapse ?? []).filter((x) => !kind || x.kind === kind).map((x) => `${x.kind}@${x.date}`).join(',') || 'none';
const rfc = (p: P) => p.disease.relapseFromCr ? p.disease.relapseFromCr.date : 'none';
const lost = (p: P) => p.disease.mrd.negativityLost ? p.disease.mrd.negativityLost.date : 'none';
const mrdRule = (rule: Record<string, unknown>) => (p: P) => compileRule({ fact: 'mrd', ...rule })({ profile: p, asOf: AS_OF, trace: null }).outcome;

interface Case { id: string; summary: string; clause: string; events: Ev[]; read: (p: P) => unknown; expected: unknown }
const cases: Case[] = [];
const add = (c: Case) => cases.push(c);
const crB = [L1, S('2024-12-20', 2.0), response('2025-04-01', 'CR')];
const mB = [...crB, mrd('2025-04-15', 'negative', 'NGS', 1e-5)];

add({ id: 'X01', summary: 'relapse from CR: serum IFE positive 08:00, negative 16:00 the same day', clause: 'clinical-core v14/v16: one value per day, the day\'s latest', events: [...crB, sIFE('2025-06-01T08:00:00Z', 'positive'), sIFE('2025-06-01T16:00:00Z', 'negative')], read: rfc, expected: 'none' });
add({ id: 'X02', summary: 'relapse from CR: serum M-protein 0.2 at 08:00, 0 at 16:00', clause: 'day\'s latest', events: [...crB, S('2025-06-01T08:00:00Z', 0.2), S('2025-06-01T16:00:00Z', 0)], read: rfc, expected: 'none' });
add({ id: 'X03', summary: 'relapse from CR: untimed positive IFE, timed negative IFE same day', clause: 'untimed before timed', events: [...crB, sIFE('2025-06-01T10:00:00Z', 'negative'), sIFE('2025-06-01', 'positive')], read: rfc, expected: 'none' });
add({ id: 'X04', summary: 'negativity lost: serum IFE positive 08:00, negative 16:00', clause: 'day\'s latest', events: [...mB, sIFE('2025-06-01T08:00:00Z', 'positive'), sIFE('2025-06-01T16:00:00Z', 'negative')], read: lost, expected: 'none' });
add({ id: 'X05', summary: 'mrd leaf after X04 (no relapse): MET', clause: 'criteria-language mrd', events: [...mB, sIFE('2025-06-01T08:00:00Z', 'positive'), sIFE('2025-06-01T16:00:00Z', 'negative')], read: mrdRule({ result: 'negative' }), expected: 'MET' });
add({ id: 'X06', summary: 'control: positive IFE alone after MRD-neg → leaf NOT_MET', clause: 'criteria-language mrd', events: [...mB, sIFE('2025-06-01', 'positive')], read: mrdRule({ result: 'negative' }), expected: 'NOT_MET' });
  // X07: removed from the kept copy (an open finding of round 37, see the session note)
  // X08: removed from the kept copy (an open finding of round 37, see the session note)
add({ id: 'X09', summary: 'hyperviscosity active before line, resolved record (no onset) in line', clause: '§4; clinical-core "with its onset in the line"', events: [L1, hv('2024-12-01', 'active'), hv('2025-02-01', 'resolved')], read: clin('hyperviscosity'), expected: 'none' });
add({ id: 'X10', summary: 'relapse from CR: hyperviscosity active before CR, recorded active again after (no onset)', clause: 'clinical-core: a sign before the CR hides none after it (lasting)', events: [...crB, hv('2025-03-01', 'active'), hv('2025-06-01', 'active')], read: rfc, expected: 'none' });
add({ id: 'X11', summary: 'relapse from CR: hyperviscosity resolved record (no onset) after CR, condition began before CR', clause: 'onset not after the CR', events: [...crB, hv('2025-03-01', 'active'), hv('2025-06-01', 'resolved')], read: rfc, expected: 'none' });
add({ id: 'X12', summary: 'scan without plasmacytomas field between measuring scans: no seen-again', clause: 'schema: absent = the scan measured none', events: [L1, pl('2024-12-20', [['L1', 20, 20]]), img('2025-03-01', { newLesions: false }, 'PET-CT'), pl('2025-05-01', [['L1', 20, 20]])], read: clin(), expected: 'none' });
add({ id: 'X13', summary: 'relapse from CR: marrow 6% at 08:00 and 3% at 16:00 same day', clause: 'day\'s latest', events: [...crB, BM('2025-06-01T08:00:00Z', 6), BM('2025-06-01T16:00:00Z', 3)], read: rfc, expected: 'none' });
add({ id: 'X14', summary: 'hyperviscosity resolved record with onset after the CR', clause: 'clinical-core: active, or resolved since, onset in the line', events: [...crB, hv('2025-08-01', 'resolved', '2025-06-01')], read: rfc, expected: '2025-06-01' });

  // X15: removed from the kept copy (an open finding of round 37, see the session note)
  // X16: removed from the kept copy (an open finding of round 37, see the session note)
add({ id: 'X17', summary: 'control: CR 04-01, MRD-neg 05-15, CR again 07-01, nothing else: MET', clause: 'criteria-language mrd', events: [...crB, mrd('2025-05-15', 'negative', 'NGS', 1e-5), response('2025-07-01', 'CR')], read: mrdRule({ result: 'negative' }), expected: 'MET' });

describe('relapse37c', () => {
  for (const c of cases) {
    it(`${c.id} ${c.summary} [${c.clause}]`, () => {
      const p = buildProfile(c.events, AS_OF, DEFAULT_SETTINGS);
      expect(c.read(p)).toEqual(c.expected);
    });
  }
});
