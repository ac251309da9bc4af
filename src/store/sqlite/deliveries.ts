import type { DeliveryRecords } from '../deliveries';
import type { ParleyDatabase } from './database';

export class SqliteDeliveries implements DeliveryRecords {
  constructor(private readonly db: ParleyDatabase) {}

  recordFirst(key: string, seenAt: Date, freshAfter: Date): Promise<boolean> {
    // A key seen long ago (kept since the last prune) counts as new again, as in memory.
    const changes = this.db
      .prepare('INSERT INTO deliveries (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE deliveries.seen_at <= ?')
      .run(key, seenAt.toISOString(), freshAfter.toISOString()).changes;
    return Promise.resolve(changes > 0);
  }

  prune(before: Date): Promise<void> {
    this.db.prepare('DELETE FROM deliveries WHERE seen_at < ?').run(before.toISOString());
    return Promise.resolve();
  }
}
