import { appendAudit, auditHash, GENESIS_HASH, verifyAuditChain } from './audit-trail';

/** An in-memory stand-in for security.audit_log that understands the three statements the chain uses. */
function fakeLog() {
  const rows: Array<Record<string, unknown>> = [];
  return {
    rows,
    query: async <T>(sql: string, params: unknown[] = []): Promise<T> => {
      if (sql.includes('pg_advisory_xact_lock')) return [] as T;
      if (sql.includes('ORDER BY seq DESC LIMIT 1')) return (rows.length ? [{ seq: String(rows.at(-1)!.seq), hash: rows.at(-1)!.hash }] : []) as T;
      if (sql.startsWith('INSERT')) {
        const cols = params as unknown[][];
        cols[0]!.forEach((_, i) => rows.push({ seq: cols[0]![i], at: cols[1]![i], actor: cols[2]![i], role: cols[3]![i], action: cols[4]![i], pseudonym: cols[5]![i], purpose: cols[6]![i], service: cols[7]![i], prev_hash: cols[8]![i], hash: cols[9]![i] }));
        return [] as T;
      }
      if (sql.includes('count(*)')) return [{ n: String(rows.length) }] as T;
      const [from, limit] = params as [number, number];
      return rows.filter((r) => Number(r.seq) >= from).slice(0, limit) as T;
    },
  };
}

const entry = (action: string, pseudonym: string | null) => ({ at: '2026-11-29T10:00:00.000Z', actor: 'coordinator-1', role: 'coordinator', action, pseudonym, purpose: null, service: 'intake' });

describe('the audit hash chain', () => {
  it('chains rows from the genesis hash and verifies them, in pages', async () => {
    const log = fakeLog();
    await appendAudit(log, [entry('read-profile', 'pt_a'), entry('read-timeline', 'pt_a')]);
    await appendAudit(log, [entry('read-matches', 'pt_b')]);
    expect(log.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(log.rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(log.rows[1]!.prev_hash).toBe(log.rows[0]!.hash);
    expect(log.rows[0]!.hash).toBe(auditHash(GENESIS_HASH, { ...entry('read-profile', 'pt_a'), seq: 1 }));
    expect(await verifyAuditChain(log, 2)).toEqual({ valid: true, rows: 3, head: { seq: 3, hash: log.rows[2]!.hash }, firstInvalid: null });
  });

  it('names the first row that was changed, removed or reordered', async () => {
    const changed = fakeLog();
    await appendAudit(changed, [entry('a', 'pt_a'), entry('b', 'pt_b'), entry('c', 'pt_c')]);
    changed.rows[1]!.pseudonym = 'pt_x';
    expect(await verifyAuditChain(changed)).toMatchObject({ valid: false, rows: 1, firstInvalid: { seq: 2, reason: 'row content does not match its hash' } });

    const removed = fakeLog();
    await appendAudit(removed, [entry('a', 'pt_a'), entry('b', 'pt_b'), entry('c', 'pt_c')]);
    removed.rows.splice(1, 1);
    expect(await verifyAuditChain(removed)).toMatchObject({ valid: false, firstInvalid: { seq: 3, reason: 'row 2 is missing' } });

    const rehashed = fakeLog();
    await appendAudit(rehashed, [entry('a', 'pt_a'), entry('b', 'pt_b')]);
    rehashed.rows[0]!.action = 'z';
    rehashed.rows[0]!.hash = auditHash(GENESIS_HASH, { ...entry('z', 'pt_a'), seq: 1 }); // a forger recomputes one row: the next no longer links
    expect(await verifyAuditChain(rehashed)).toMatchObject({ valid: false, firstInvalid: { seq: 2, reason: 'previous hash does not match the row before' } });
  });
});
