import type pg from 'pg';
import type { DeliveryRecords } from '../deliveries';

export class PostgresDeliveries implements DeliveryRecords {
  constructor(private readonly pool: pg.Pool) {}

  async recordFirst(key: string, seenAt: Date, freshAfter: Date): Promise<boolean> {
    // One statement decides between replicas: the insert (or the refresh of a long-expired key) that takes effect wins.
    const result = await this.pool.query(
      'INSERT INTO deliveries (key, seen_at) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE deliveries.seen_at <= $3',
      [key, seenAt.toISOString(), freshAfter.toISOString()],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async prune(before: Date): Promise<void> {
    await this.pool.query('DELETE FROM deliveries WHERE seen_at < $1', [before.toISOString()]);
  }
}
