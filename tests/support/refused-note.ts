import { join } from 'node:path';
import { Database } from '../../src/main/db/connection';
import { OutboxRepository } from '../../src/main/db/repositories/outbox-repository';
import { createInMemoryCjib } from './real-backend';
import { makeTempDir } from './temp-dir';

/**
 * A real cache file whose review list holds one note the server refused (for renderer tests, which
 * may not reach into the backend's layers themselves): the backend on it, and a way to count what
 * its outbox holds.
 */
export async function cacheWithRefusedNote() {
  const temp = makeTempDir('cjib-refused-');
  const dbPath = join(temp.dir, 'cache.sqlite');
  const cjib = createInMemoryCjib({ dbPath });
  const page = await cjib.invoke('werkvoorraad.list', { limit: 1 } as never);
  const claimId = page.ok ? (page.value as { rows: { id: string }[] }).rows[0]?.id : undefined;
  await cjib.invoke('notes.add', { claimId, text: 'Afspraak gemaakt' } as never);
  const db = new Database(dbPath);
  try {
    const outbox = new OutboxRepository(db);
    const entry = outbox.pending(10).find((e) => e.command.type === 'AddCaseNote');
    if (!entry) throw new Error('no note in the outbox');
    db.transaction(() => outbox.moveToReview(entry, 'rejected', 'Deze vordering hoort niet bij uw team.', null));
  } finally {
    db.close();
  }
  return {
    cjib,
    outboxCount(type: string): number {
      const reader = new Database(dbPath);
      try {
        return (reader.raw.prepare('SELECT count(*) AS n FROM outbox WHERE type = ?').get(type) as { n: number }).n;
      } finally {
        reader.close();
      }
    },
    async close() {
      await cjib.close();
      temp.cleanup();
    },
  };
}
