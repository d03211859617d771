import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface Reader {
  /** Who is reading: until sign-in exists (see the security issue), the X-Actor header or "unidentified". */
  actor: string;
  purpose: string | null;
}

/** Records a person's read of patient data, in the same transaction as the read. */
@Injectable()
export class ReadAudit {
  async record(manager: EntityManager, reader: Reader, action: string, pseudonym: string | null): Promise<void> {
    await manager.query(`INSERT INTO intake.audit_log (actor, action, patient_pseudonym, purpose) VALUES ($1, $2, $3, $4)`, [reader.actor, action, pseudonym, reader.purpose]);
  }
}
