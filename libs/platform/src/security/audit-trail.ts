import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from './principal';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** One access to patient data. `pseudonym` is null for an access that named no patient (e.g. an empty list). */
export interface AuditEntry {
  action: string;
  pseudonym: string | null;
  purpose: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  pseudonym: string | null;
  purpose: string | null;
  service: string;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  valid: boolean;
  rows: number;
  /** The last row's sequence number and hash: keep them elsewhere to detect a truncated tail later. */
  head: { seq: number; hash: string } | null;
  firstInvalid: { seq: number; reason: string } | null;
}

export const GENESIS_HASH = '0'.repeat(64);
/** Serializes writers of the chain (one per database) for the length of their transaction. */
const CHAIN_LOCK = 7305001;

/** sha256(previous hash, newline, the row's fields as a JSON array): any change to a row or its order breaks every later hash. */
export function auditHash(prevHash: string, r: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return createHash('sha256')
    .update(`${prevHash}\n${JSON.stringify([r.seq, r.at, r.actor, r.role, r.action, r.pseudonym, r.purpose, r.service])}`)
    .digest('hex');
}

type Db = Pick<EntityManager, 'query'>;

/** Appends rows to the chain; the caller holds a transaction (the lock is released at its end). */
export async function appendAudit(db: Db, rows: Array<Omit<AuditRow, 'seq' | 'prevHash' | 'hash'>>): Promise<void> {
  if (rows.length === 0) return;
  await db.query(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await db.query<Array<{ seq: string; hash: string }>>(`SELECT seq, hash FROM security.audit_log ORDER BY seq DESC LIMIT 1`);
  let seq = last ? Number(last.seq) : 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const chained = rows.map((r) => {
    seq += 1;
    const hash = auditHash(prev, { ...r, seq });
    const row = { ...r, seq, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  const col = <K extends keyof AuditRow>(k: K) => chained.map((r) => r[k]);
  await db.query(
    `INSERT INTO security.audit_log (seq, at, actor, role, action, patient_pseudonym, purpose, service, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])`,
    [col('seq'), col('at'), col('actor'), col('role'), col('action'), col('pseudonym'), col('purpose'), col('service'), col('prevHash'), col('hash')],
  );
}

/** Recomputes the whole chain in pages: contiguous sequence from 1, each row's previous hash, each row's own hash. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let head: AuditVerification['head'] = null;
  for (;;) {
    const page = await db.query<Array<{ seq: string; at: Date; actor: string; role: string; action: string; pseudonym: string | null; purpose: string | null; service: string; prev_hash: string; hash: string }>>(
      `SELECT seq, at, actor, role, action, patient_pseudonym AS pseudonym, purpose, service, prev_hash, hash FROM security.audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2`,
      [expectedSeq, pageSize],
    );
    for (const r of page) {
      const seq = Number(r.seq);
      const bad = (reason: string): AuditVerification => ({ valid: false, rows: expectedSeq - 1, head, firstInvalid: { seq, reason } });
      if (seq !== expectedSeq) return bad(`row ${expectedSeq} is missing`);
      if (r.prev_hash !== prev) return bad('previous hash does not match the row before');
      const at = new Date(r.at).toISOString();
      if (auditHash(prev, { seq, at, actor: r.actor, role: r.role, action: r.action, pseudonym: r.pseudonym, purpose: r.purpose, service: r.service }) !== r.hash) return bad('row content does not match its hash');
      prev = r.hash;
      head = { seq, hash: r.hash };
      expectedSeq += 1;
    }
    if (page.length < pageSize) break;
  }
  const [{ n }] = (await db.query<Array<{ n: string }>>(`SELECT count(*) AS n FROM security.audit_log`)) as [{ n: string }];
  if (Number(n) !== expectedSeq - 1) return { valid: false, rows: expectedSeq - 1, head, firstInvalid: { seq: expectedSeq, reason: 'rows out of sequence' } };
  return { valid: true, rows: expectedSeq - 1, head, firstInvalid: null };
}

/**
 * The audit of people's (and machines') access to patient data: append-only (the database refuses
 * updates and deletes), hash-chained, written in the transaction of the access it records.
 */
@Injectable()
export class AuditTrail {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) private readonly service: string,
  ) {}

  async record(manager: Db, who: Principal, entries: AuditEntry[]): Promise<void> {
    const at = new Date().toISOString();
    await appendAudit(
      manager,
      entries.map((e) => ({ at, actor: who.subject, role: who.role, action: e.action, pseudonym: e.pseudonym, purpose: e.purpose, service: this.service })),
    );
  }

  /** A read of patient data: `body` runs in a transaction and the audit rows for the patients it returns are written in it. */
  async read<T>(who: Principal, action: string, purpose: string | null, body: (m: EntityManager) => Promise<{ value: T; pseudonyms: string[] }>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const { value, pseudonyms } = await body(m);
      const unique = [...new Set(pseudonyms)];
      await this.record(m, who, (unique.length > 0 ? unique : [null]).map((pseudonym) => ({ action, pseudonym, purpose })));
      return value;
    });
  }

  verify(): Promise<AuditVerification> {
    return verifyAuditChain(this.dataSource);
  }

  list(filter: { pseudonym?: string; limit: number }): Promise<AuditRow[]> {
    return this.dataSource.query<AuditRow[]>(
      `SELECT seq::int, at, actor, role, action, patient_pseudonym AS pseudonym, purpose, service, prev_hash AS "prevHash", hash FROM security.audit_log
       WHERE ($1::text IS NULL OR patient_pseudonym = $1) ORDER BY seq DESC LIMIT $2`,
      [filter.pseudonym ?? null, filter.limit],
    );
  }
}
