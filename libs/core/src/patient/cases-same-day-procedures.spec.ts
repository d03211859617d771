/**
 * One transplant or CAR-T infusion sent twice (two systems, two event ids, the same day): one procedure, not a second
 * SCT opening a line (domain.md §3 rule 3 counts SCTs, not records of one).
 */
import { carT, event, med, sct } from '../testing/events';
import { buildProfile } from './profile';
import { DEFAULT_SETTINGS } from './settings';

const AS_OF = '2025-06-01';
const VRD = med('VRd', '2023-01-01', '2023-05-01', { intent: 'induction' });

describe('the same procedure recorded twice on one day', () => {
  it('two ASCT records of one day: one transplant, one line; the second is reported as the same procedure', () => {
    const second = { ...sct('2023-06-15'), eventId: 'asct-from-the-transplant-unit' };
    const p = buildProfile([VRD, sct('2023-06-15'), second], AS_OF);
    expect(p.transplants).toHaveLength(1);
    expect(p.linesOfTherapy.count).toBe(1);
    const reported = p.unmapped.filter((u) => u.reason.includes('the same autologous-sct'));
    expect(reported).toHaveLength(1);
    expect([...p.transplants[0]!.provenance, reported[0]!.eventId]).toContain(second.eventId);
    expect(p.transplants[0]!.provenance).not.toContain(reported[0]!.eventId);
  });

  it('an ASCT three months after the first (not planned as a tandem): a second SCT, a second line', () => {
    const p = buildProfile([VRD, sct('2023-06-15'), sct('2023-09-20')], AS_OF);
    expect(p.transplants).toHaveLength(2);
    expect(p.linesOfTherapy.count).toBe(2);
  });

  it('one CAR-T infusion recorded twice: one infusion; two products the same day are two', () => {
    expect(buildProfile([VRD, carT('2024-03-01', 'ciltacabtagene autoleucel'), { ...carT('2024-03-01', 'cilta-cel'), eventId: 'dup' }], AS_OF).cellTherapies).toHaveLength(1);
    expect(buildProfile([VRD, carT('2024-03-01', 'ciltacabtagene autoleucel'), { ...carT('2024-03-01', 'idecabtagene vicleucel'), eventId: 'other' }], AS_OF).cellTherapies).toHaveLength(2);
  });

  it('one system names the CAR-T product, the other does not: one infusion, of the product named', () => {
    const p = buildProfile([VRD, { ...event('procedure', '2024-03-01', { kind: 'car-t-infusion' }), eventId: 'a' }, { ...carT('2024-03-01', 'ciltacabtagene autoleucel'), eventId: 'b' }], AS_OF);
    expect(p.cellTherapies.map((c) => c.product)).toEqual(['ciltacabtagene autoleucel']);
  });

  it('a CAR-T product the catalog cannot read beside a known one that day: two infusions (the unread one may be another target)', () => {
    const p = buildProfile([VRD, { ...event('procedure', '2024-03-01', { kind: 'car-t-infusion', product: 'XYZ-9 GPRC5D CAR-T' }), eventId: 'a' }, { ...carT('2024-03-01', 'ciltacabtagene autoleucel'), eventId: 'b' }], AS_OF);
    expect(p.cellTherapies.map((c) => c.product).sort()).toEqual(['ciltacabtagene autoleucel', null]);
  });
});

describe('the same procedure recorded again within procedureRepeatDays (7)', () => {
  it('an ASCT sent from two hospitals, dated 06-30 and 07-02: one transplant on the later date, one line; reported', () => {
    const p = buildProfile([VRD, sct('2023-06-30'), { ...sct('2023-07-02'), eventId: 'asct-transferred' }, med('lenalidomide', '2023-09-01', null, { intent: 'maintenance' })], AS_OF);
    expect(p.transplants.map((t) => t.date)).toEqual(['2023-07-02']);
    expect(p.linesOfTherapy.count).toBe(1);
    expect(p.unmapped.find((u) => u.eventId === 'asct-transferred')?.reason).toMatch(/the same autologous-sct .* 2 days before \(procedureRepeatDays\): one procedure, dated 2023-07-02/);
  });

  it('8 days apart, or with the setting at 0: two transplants', () => {
    expect(buildProfile([VRD, sct('2023-06-30'), sct('2023-07-08')], AS_OF).transplants).toHaveLength(2);
    expect(buildProfile([VRD, sct('2023-06-30'), sct('2023-07-02')], AS_OF, { ...DEFAULT_SETTINGS, procedureRepeatDays: 0 }).transplants).toHaveLength(2);
  });

  it('a CAR-T of one product recorded 3 days apart is one infusion; of two products, two', () => {
    expect(buildProfile([VRD, carT('2024-03-01', 'ciltacabtagene autoleucel'), { ...carT('2024-03-04', 'cilta-cel'), eventId: 'dup' }], AS_OF).cellTherapies.map((c) => c.date)).toEqual(['2024-03-04']);
    expect(buildProfile([VRD, carT('2024-03-01', 'ciltacabtagene autoleucel'), { ...carT('2024-03-04', 'idecabtagene vicleucel'), eventId: 'other' }], AS_OF).cellTherapies).toHaveLength(2);
  });
});
