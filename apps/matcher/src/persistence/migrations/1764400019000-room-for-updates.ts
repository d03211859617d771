import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room on each page of the current results for new row versions (fillfactor 80). Every profile message
 * updates most of its patient's results: each one whose outcome did not change gets the versions it now
 * rests on (about fifteen rows a message in bench:matcher), and the quiet ones whose signature changed
 * get their new signature. None of these updates changes an indexed column, so when the new version fits
 * on the same page PostgreSQL writes it as a heap-only tuple: no new entry in either index, and the old
 * version is pruned in place. With full pages (the default) most of them went to another page with new
 * index entries. Pages written from now on keep the room; existing ones as they are rewritten.
 */
export class RoomForUpdates1764400019000 implements MigrationInterface {
  name = 'RoomForUpdates1764400019000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matcher.results SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matcher.results RESET (fillfactor)`);
  }
}
