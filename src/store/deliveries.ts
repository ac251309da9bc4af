/**
 * The requests already answered, shared by the replicas: a key is recorded once, and the
 * replica whose insert wins answers the request; rows past their time to live are pruned.
 * The adapters ask through `DeliveryLog` (src/adapters/deliveries.ts), which remembers in
 * memory first.
 */
export interface DeliveryRecords {
  /** Records the key as seen at `seenAt`, unless it was seen after `freshAfter`; true when recorded now (this is its first delivery). */
  recordFirst(key: string, seenAt: Date, freshAfter: Date): Promise<boolean>;
  /** Forgets the keys seen before `before`. */
  prune(before: Date): Promise<void>;
}
