import type { ProfileSourceEvent } from '../patient/clinical-events';

/** Builders for synthetic patient histories in tests. */
let n = 0;
const ev = (type: string, occurredAt: string, data: Record<string, unknown>, eventId?: string): ProfileSourceEvent => ({ eventId: eventId ?? `e${String(++n).padStart(5, '0')}`, type, occurredAt, data });

export const med = (drug: string, start: string, end: string | null, extra: Record<string, unknown> = {}): ProfileSourceEvent =>
  ev('medication', start, { drug, start, ...(end ? { end } : {}), ...extra });
export const sct = (date: string, extra: Record<string, unknown> = {}): ProfileSourceEvent => ev('procedure', date, { kind: 'autologous-sct', ...extra });
export const allo = (date: string): ProfileSourceEvent => ev('procedure', date, { kind: 'allogeneic-sct' });
export const carT = (date: string, product: string): ProfileSourceEvent => ev('procedure', date, { kind: 'car-t-infusion', product });
export const response = (date: string, category: string): ProfileSourceEvent => ev('response-assessment', date, { category });
export const lab = (date: string, name: string, value: number, unit: string, extra: Record<string, unknown> = {}): ProfileSourceEvent => ev('lab', date, { name, value, unit, ...extra });
export const loinc = (date: string, code: string, value: number, unit: string): ProfileSourceEvent => ev('lab', date, { code, value, unit });
export const demographics = (birthDate: string, sex: string, weightKg?: number): ProfileSourceEvent => ev('demographics', '2015-01-01', { birthDate, sex, ...(weightKg ? { weightKg } : {}) });
export const diagnosis = (date: string, heavyChain: string, lightChain: string): ProfileSourceEvent => ev('diagnosis', date, { isotype: { heavyChain, lightChain } });
export const mrd = (date: string, result: string, method = 'NGS', sensitivity = 1e-5): ProfileSourceEvent => ev('mrd', date, { result, method, sensitivity });
export const event = ev;
