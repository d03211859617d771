import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sealed:v1:';

/**
 * Field-level encryption for the few identifying values a downstream service needs but no topic may
 * carry in clear (the birth date on patient-profiles.v1: the matcher computes ages and birthday dates
 * from it). AES-256-GCM with a random nonce; the key is derived from a shared secret given to intake and
 * matcher only (PROFILE_SEAL_KEY). Sealed values read `sealed:v1:<base64url(nonce | ciphertext | tag)>`.
 */
export class FieldSeal {
  private readonly key: Buffer;

  /** `purpose` separates keys derived from one secret (a value sealed for one purpose does not open for another). */
  constructor(secret: string, purpose = 'fields') {
    if (secret.length < 32) throw new Error('the seal key must be at least 32 characters');
    this.key = createHash('sha256').update(`trialmatch-field-seal\n${purpose}\n${secret}`).digest();
  }

  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }

  seal(plain: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  /** The plain value of a sealed one; a value that is not sealed is returned as it is (messages from before sealing). Throws on a forged or foreign value. */
  open(value: string): string {
    if (!FieldSeal.isSealed(value)) return value;
    const raw = Buffer.from(value.slice(PREFIX.length), 'base64url');
    if (raw.length < 12 + 16) throw new Error('sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  }
}
