import type { Storage } from '../storage';
import { SqlArticleLedger } from './articleLedger';
import type { SqlClient } from './client';
import { SqlDeliveries } from './deliveries';
import { SqlInstallations } from './installations';
import { SqlRuns } from './runs';
import { SqlSubscriptions } from './subscriptions';

/** The stores both backends keep in the same tables, over one client: the part of a `Storage` they share. */
export function sqlTables(sql: SqlClient): Pick<Storage, 'subscriptions' | 'runs' | 'ledger' | 'installations' | 'deliveries'> {
  return {
    subscriptions: new SqlSubscriptions(sql),
    runs: new SqlRuns(sql),
    ledger: new SqlArticleLedger(sql),
    installations: new SqlInstallations(sql),
    deliveries: new SqlDeliveries(sql),
  };
}
