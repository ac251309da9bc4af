import type { Reply } from '../core/reply';
import type { Library } from '../library/library';
import type { Logger } from '../log';
import { withLease } from '../store/heldLease';
import type { LeaseStore } from '../store/leases';
import type { ArticleLedger } from './articleLedger';
import { composeDigest, noNewCoverage } from './composeDigest';
import type { DigestPoster, DigestRunKey } from './poster';
import type { DigestRun, RunStore } from './runs';
import { formatLocal, latestOccurrence, localDate, nextOccurrence, type DailySchedule } from './schedule';
import type { Subscription, SubscriptionStore } from './subscriptions';

export interface DigestOptions {
  /** A run missed while the bot was down is still posted this long after its time. */
  graceHours: number;
  /** Post "no new coverage" instead of skipping an empty digest. */
  postWhenEmpty: boolean;
  /** Attempts at posting one run before the subscription is paused. */
  maxAttempts: number;
  /** Minutes before the first retry; each further retry waits four times longer. */
  firstRetryMinutes: number;
}

export const DEFAULT_TIME = '08:00';
export const DEFAULT_TIMEZONE = 'UTC';

/** How one attempt at a digest run ended: posted, skipped (nothing new) or failed (to be retried or paused). */
export type DigestOutcome = 'posted' | 'skipped' | 'failed';

/** Where digests keep their state (SQLite or Postgres, src/store/storage.ts). */
export interface DigestStores {
  subscriptions: SubscriptionStore;
  runs: RunStore;
  ledger: ArticleLedger;
  /** Which replica posts a run, when several share the database. */
  leases: LeaseStore;
}

/** A channel of a chat platform, which a digest is posted into. */
export interface DigestChannel {
  platform: string;
  channelId: string;
  /** The Slack workspace the channel is in, when Parley is installed in several (OAuth); absent: the platform's one token. */
  workspaceId?: string | null;
}

/** Where a subscribed channel stands. */
export interface DigestStatus {
  subscription: Subscription;
  /** The next scheduled run (not posted while the subscription is paused). */
  next: Date;
  /** The latest run, or null when none has run yet. */
  last: DigestRun | null;
}

/**
 * Daily digests: channel subscriptions, and posting each scheduled run exactly once.
 *
 * A run is recorded as pending before anything is posted and completed after; a run still
 * pending at the next look (the process died, or posting failed) is attempted again through
 * a poster that first checks whether the platform already has the message. Only the latest
 * occurrence within the grace period is ever attempted, so a bot that was down for days
 * posts one digest when it returns, not one per missed day.
 */
export class Digests {
  readonly #subscriptions: SubscriptionStore;
  readonly #runs: RunStore;
  readonly #ledger: ArticleLedger;
  /** Article ids the ledger has recorded: it never forgets one, so they need not be sent again. */
  readonly #synced = new Set<string>();
  readonly #leases: LeaseStore;
  /** Runs seen being posted by another replica (`subscription:instant`), to log once that it did. */
  readonly #heldElsewhere = new Set<string>();
  readonly #posters = new Map<string, DigestPoster>();
  readonly #warnedNoPoster = new Set<string>();
  readonly #changeListeners: (() => void)[] = [];
  readonly #outcomeListeners: ((outcome: DigestOutcome) => void)[] = [];
  #running: Promise<DuePass> | null = null;
  #stopped = false;

  constructor(
    stores: DigestStores,
    private readonly library: Library,
    private readonly options: DigestOptions,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {
    this.#subscriptions = stores.subscriptions;
    this.#runs = stores.runs;
    this.#ledger = stores.ledger;
    this.#leases = stores.leases;
  }

  registerPoster(poster: DigestPoster): void {
    this.#posters.set(poster.platform, poster);
  }

  /** Called after each attempt at a run, for the metrics. */
  onOutcome(listener: (outcome: DigestOutcome) => void): void {
    this.#outcomeListeners.push(listener);
  }

  /** Called whenever subscriptions change, so the scheduler can follow. */
  onChange(listener: () => void): void {
    this.#changeListeners.push(listener);
  }

  subscriptions(): Promise<Subscription[]> {
    return this.#subscriptions.all();
  }

  /**
   * Subscribes a channel (or changes its schedule); what the corpus holds now is not new to
   * it, only later additions are. The time zone must be one `isTimeZone` accepts.
   */
  async subscribe(channel: DigestChannel, schedule: DailySchedule, createdBy: string | null): Promise<{ subscription: Subscription; next: Date }> {
    const now = this.now();
    await this.#syncLedger(now);
    const subscription = await this.#subscriptions.subscribe({ ...channel, ...schedule, createdBy }, now);
    this.#changed();
    return { subscription, next: nextOccurrence(subscription, now) };
  }

  /** Whether the channel was subscribed. */
  async unsubscribe(channel: DigestChannel): Promise<boolean> {
    const removed = await this.#subscriptions.unsubscribe(channel.platform, channel.channelId);
    this.#changed();
    return removed;
  }

  /** A workspace uninstalled the app: its channels get no more digests (their runs go with them); how many were subscribed. */
  async unsubscribeWorkspace(platform: string, workspaceId: string): Promise<number> {
    const removed = await this.#subscriptions.unsubscribeWorkspace(platform, workspaceId);
    this.#changed();
    return removed;
  }

  /** The channel's subscription, its next run and its last one; null when it is not subscribed. */
  async status(channel: DigestChannel): Promise<DigestStatus | null> {
    const subscription = await this.#subscriptions.get(channel.platform, channel.channelId);
    if (!subscription) return null;
    return { subscription, next: nextOccurrence(subscription, this.now()), last: await this.#runs.latest(subscription.id) };
  }

  /** The digest a channel would get now (a channel not subscribed, or none: as a first digest in UTC). */
  async preview(channel: DigestChannel | null): Promise<Reply> {
    const now = this.now();
    await this.#syncLedger(now);
    const subscription = channel ? await this.#subscriptions.get(channel.platform, channel.channelId) : null;
    const timezone = subscription?.timezone ?? DEFAULT_TIMEZONE;
    const { articleIds, since } = await this.#coverage(subscription, now);
    const request = { articles: this.#articles(articleIds), localDate: localDate(now, timezone), since };
    return (await composeDigest(this.library, request)) ?? noNewCoverage(request.localDate, since);
  }

  /**
   * Shutting down: no new run starts, and a pass under way ends after the post in hand, which
   * is recorded as posted or failed. Runs not reached stay due and are posted after the restart.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#running;
  }

  /**
   * Posts every run that is due (or due for a retry). Safe to call at any time, from any timer,
   * and from any number of replicas: each run is posted under a lease, by one of them.
   */
  runDue(): Promise<DuePass> {
    if (this.#stopped) return Promise.resolve({ lookAgainInMs: null });
    this.#running ??= this.#runDue().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #runDue(): Promise<DuePass> {
    const now = this.now();
    await this.#syncLedger(now);
    const graceStart = new Date(now.getTime() - this.options.graceHours * 3600_000);
    let lookAgainInMs: number | null = null;
    for (const subscription of await this.#subscriptions.all()) {
      if (this.#stopped) break;
      if (subscription.pausedReason) continue;
      const notBefore = new Date(Math.max(subscription.createdAt.getTime(), graceStart.getTime()));
      const due = latestOccurrence(subscription, now, notBefore);
      if (!due) continue;
      const existing = await this.#runs.get(subscription.id, due);
      if (existing && !isDue(existing, now)) {
        this.#noteDoneElsewhere(subscription, existing);
        continue;
      }
      const poster = this.#posters.get(subscription.platform);
      if (!poster) {
        if (!this.#warnedNoPoster.has(subscription.platform)) {
          this.log.warn(`digest: ${subscription.platform} is not connected; digests for its channels wait until it is`);
          this.#warnedNoPoster.add(subscription.platform);
        }
        continue;
      }
      const name = runName(subscription.id, due);
      const leased = await withLease(this.#leases, `digest:${name}`, this.log, async () => {
        // Looked at again under the lease: another replica may have completed the run meanwhile.
        const run = await this.#runs.claim(subscription.id, due, now);
        if (!isDue(run, now)) return this.#noteDoneElsewhere(subscription, run);
        this.#heldElsewhere.delete(name);
        // A run taken over from a replica that died mid-post is attempted like any pending one: the poster first looks for what reached the channel.
        await this.#attempt(subscription, run, poster, now);
      });
      if (leased.done) continue;
      lookAgainInMs = Math.min(lookAgainInMs ?? Number.POSITIVE_INFINITY, leased.expiresInMs);
      if (this.#heldElsewhere.has(name)) continue;
      this.#heldElsewhere.add(name);
      this.log.debug(
        `digest: the run of ${due.toISOString()} for ${subscription.platform} channel ${subscription.channelId} is being posted by ${leased.holder}; looking again when its lease ends`,
      );
    }
    return { lookAgainInMs };
  }

  /** A run this replica saw another one posting, now completed: said once. */
  #noteDoneElsewhere(subscription: Subscription, run: DigestRun): void {
    if (!this.#heldElsewhere.delete(runName(run.subscriptionId, run.scheduledFor))) return;
    this.log.debug(`digest: the run of ${run.scheduledFor.toISOString()} for ${subscription.platform} channel ${subscription.channelId} was handled by another replica (now ${run.state})`);
  }

  async #attempt(subscription: Subscription, run: DigestRun, poster: DigestPoster, now: Date): Promise<void> {
    const where = `${subscription.platform} channel ${subscription.channelId}`;
    const { articleIds, since } = await this.#coverage(subscription, run.coversUntil, run);
    const date = localDate(run.scheduledFor, subscription.timezone);
    const reply =
      (await composeDigest(this.library, { articles: this.#articles(articleIds), localDate: date, since })) ??
      (this.options.postWhenEmpty ? noNewCoverage(date, since) : null);
    if (!reply) {
      await this.#runs.markSkipped(run.id, now);
      this.log.info(`digest: nothing new for ${where}; run of ${run.scheduledFor.toISOString()} skipped`);
      this.#outcome('skipped');
      return;
    }
    const key: DigestRunKey = {
      key: `${subscription.platform}:${subscription.channelId}:${run.scheduledFor.toISOString()}`,
      subscriptionId: subscription.id,
      scheduledFor: run.scheduledFor,
      workspaceId: subscription.workspaceId,
    };
    try {
      const messageIds = await poster.post(subscription.channelId, reply, key);
      await this.#runs.markPosted(run.id, messageIds, this.now());
      this.log.info(`digest: posted to ${where} (run of ${run.scheduledFor.toISOString()})`);
      this.#outcome('posted');
    } catch (error) {
      this.#outcome('failed');
      const reason = error instanceof Error ? error.message : String(error);
      const attempts = run.attempts + 1;
      if (attempts >= this.options.maxAttempts) {
        await this.#runs.recordFailure(run.id, reason, null, this.now());
        await this.#subscriptions.pause(subscription.id, `posting failed ${attempts} times (last: ${reason}).`);
        this.log.error(`digest: posting to ${where} failed ${attempts} times; subscription paused: ${reason}`);
        this.#changed();
      } else {
        const retryAt = new Date(this.now().getTime() + this.options.firstRetryMinutes * 4 ** (attempts - 1) * 60_000);
        await this.#runs.recordFailure(run.id, reason, retryAt, this.now());
        this.log.warn(`digest: posting to ${where} failed (attempt ${attempts} of ${this.options.maxAttempts}), retrying at ${retryAt.toISOString()}: ${reason}`);
      }
    }
  }

  #outcome(outcome: DigestOutcome): void {
    for (const listener of this.#outcomeListeners) listener(outcome);
  }

  /**
   * The articles a run covers: those added since the channel's previous delivered digest;
   * for a first digest, the most recent day of coverage (and anything added since subscribing).
   */
  async #coverage(subscription: Subscription | null, upTo: Date, run?: DigestRun): Promise<{ articleIds: Set<string>; since: string }> {
    // A skipped run (nothing new) moves the start on; the words name the digest readers last saw.
    const previous = subscription ? await this.#runs.lastIn(subscription.id, ['posted', 'skipped']) : null;
    if (previous && previous.id !== run?.id) {
      const lastSeen = (await this.#runs.lastIn(subscription!.id, ['posted'])) ?? previous;
      return {
        articleIds: await this.#ledger.joinedBetween(previous.coversUntil, upTo),
        since: `since the previous digest (${formatLocal(lastSeen.scheduledFor, subscription!.timezone)})`,
      };
    }
    const articles = this.library.engine.articles();
    const newestDay = articles[0]?.published;
    const latestDay = articles.filter((a) => a.published === newestDay).map((a) => a.id);
    const sinceSubscribing = subscription ? await this.#ledger.joinedBetween(subscription.createdAt, upTo) : new Set<string>();
    return {
      articleIds: new Set([...latestDay, ...sinceSubscribing]),
      since: newestDay ? `in the most recent day of coverage (${newestDay})` : 'in the corpus',
    };
  }

  /** Notes the articles that joined the corpus since the last look (ingested, or dropped into the folder). */
  /** Records the articles that joined the corpus since the last look; those recorded before are not sent again (the check runs every minute). */
  async #syncLedger(now: Date): Promise<void> {
    const fresh = this.library.engine.articles().map((a) => a.id).filter((id) => !this.#synced.has(id));
    if (fresh.length === 0) return;
    await this.#ledger.sync(fresh, now);
    for (const id of fresh) this.#synced.add(id);
  }

  #articles(ids: ReadonlySet<string>) {
    return [...ids].map((id) => this.library.engine.article(id)).filter((a) => a !== undefined);
  }

  #changed(): void {
    for (const listener of this.#changeListeners) listener();
  }
}

/** What one pass over the due runs leaves to do: look again this soon (a run another replica holds, whose lease then ends), or at the next wake-up. */
export interface DuePass {
  lookAgainInMs: number | null;
}

/** Whether a run is to be attempted now: pending, and not waiting for a retry. */
const isDue = (run: DigestRun, now: Date): boolean => run.state === 'pending' && !(run.nextAttemptAt && run.nextAttemptAt > now);

/** A run's name in leases and logs: `subscription:scheduled instant`. */
const runName = (subscriptionId: number, scheduledFor: Date): string => `${subscriptionId}:${scheduledFor.toISOString()}`;
