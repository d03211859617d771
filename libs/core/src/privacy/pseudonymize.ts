import { createHmac } from 'node:crypto';

/**
 * A stable pseudonym for a patient: keyed HMAC of (source, identifier), so the same patient from the
 * same sender always maps to the same pseudonym and the identifier cannot be recovered without the key.
 */
export function pseudonymize(key: string, source: string, patientId: string): string {
  if (key.length < 16) throw new Error('pseudonym key must be at least 16 characters');
  const digest = createHmac('sha256', key).update(`${source}\u0000${patientId}`).digest('hex');
  return `pt_${digest.slice(0, 24)}`;
}
