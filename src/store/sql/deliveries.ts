import type { DeliveryRecords } from '../deliveries';
import type { SqlClient } from './client';

/** The `deliveries` table, the same SQL in both backends. */
export class SqlDeliveries implements DeliveryRecords {
  constructor(private readonly sql: SqlClient) {}

  recordFirst(key: string, seenAt: Date, freshAfter: Date): Promise<boolean> {
    // One statement decides between replicas: the insert, or the refresh of a key seen long ago (kept since the last prune, new again as in memory), that takes effect wins.
    return this.sql
      .run('INSERT INTO deliveries (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE deliveries.seen_at <= $3', [
        key,
        seenAt.toISOString(),
        freshAfter.toISOString(),
      ])
      .then((changed) => changed > 0);
  }

  prune(before: Date): Promise<void> {
    return this.sql.run('DELETE FROM deliveries WHERE seen_at < $1', [before.toISOString()]).then(() => undefined);
  }
}
