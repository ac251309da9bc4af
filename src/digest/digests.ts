import type { Caller } from '../core/command';
import { CommandError } from '../core/errors';
import type { Reply } from '../core/reply';
import type { Library } from '../library/library';
import type { Logger } from '../log';
import type { ParleyDatabase } from '../store/database';
import { ArticleLedger } from './articleLedger';
import { composeDigest, noNewCoverage } from './composeDigest';
import type { DigestPoster, DigestRunKey } from './poster';
import { RunStore, type DigestRun } from './runs';
import { isTimeZone, latestOccurrence, localDate, nextOccurrence } from './schedule';
import { SubscriptionStore, type Subscription } from './subscriptions';

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

/**
 * Daily digests: channel subscriptions, and posting each scheduled run exactly once.
 *
 * A run is recorded as pending before anything is posted and completed after; a run still
 * pending at the next look (the process died, or posting failed) is attempted again through
 * a poster that first checks whether the platform already has the message. Only the latest
 * occurrence within the grace period is ever attempted, so a bot that was down for days
 * posts one digest when it returns, not one per missed day.
 */
/** How one attempt at a digest run ended: posted, skipped (nothing new) or failed (to be retried or paused). */
export type DigestOutcome = 'posted' | 'skipped' | 'failed';

export class Digests {
  readonly #subscriptions: SubscriptionStore;
  readonly #runs: RunStore;
  readonly #ledger: ArticleLedger;
  readonly #posters = new Map<string, DigestPoster>();
  readonly #warnedNoPoster = new Set<string>();
  readonly #changeListeners: (() => void)[] = [];
  readonly #outcomeListeners: ((outcome: DigestOutcome) => void)[] = [];
  #running: Promise<void> | null = null;
  #stopped = false;

  constructor(
    db: ParleyDatabase,
    private readonly library: Library,
    private readonly options: DigestOptions,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {
    this.#subscriptions = new SubscriptionStore(db);
    this.#runs = new RunStore(db);
    this.#ledger = new ArticleLedger(db);
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

  subscriptions(): Subscription[] {
    return this.#subscriptions.all();
  }

  subscribe(caller: Caller, time = DEFAULT_TIME, timezone = DEFAULT_TIMEZONE): Reply {
    const channel = this.#channelOf(caller);
    if (!caller.canManageChannel) {
      throw new CommandError(
        'forbidden',
        'Only channel managers can subscribe or unsubscribe a channel: on Discord, members with Manage Server; on Slack, workspace admins or the users listed in SLACK_DIGEST_MANAGERS.',
      );
    }
    if (!isTimeZone(timezone)) {
      throw new CommandError('invalid_input', `Unknown time zone "${timezone}": use an IANA name such as Europe/Berlin, America/New_York or UTC.`);
    }
    const now = this.now();
    // What the corpus holds now is not new to this channel: only later additions are.
    this.#syncLedger(now);
    const subscription = this.#subscriptions.subscribe({ ...channel, time, timezone, createdBy: caller.userId }, now);
    this.#changed();
    const next = nextOccurrence(subscription, now);
    return {
      command: 'digest',
      title: 'Daily digest: subscribed',
      text:
        `This channel will get Parley’s digest every day at ${time} (${timezone}), the first on ${formatLocal(next, timezone)}. ` +
        'Each digest covers the articles added since the previous one; the first covers the most recent day of coverage. ' +
        'When nothing is new, no digest is posted.',
      citations: [],
    };
  }

  unsubscribe(caller: Caller): Reply {
    const channel = this.#channelOf(caller);
    if (!caller.canManageChannel) throw new CommandError('forbidden', 'Only channel managers can unsubscribe a channel.');
    const removed = this.#subscriptions.unsubscribe(channel.platform, channel.channelId);
    this.#changed();
    return {
      command: 'digest',
      title: 'Daily digest',
      text: removed ? 'Unsubscribed: this channel will get no more digests.' : 'This channel was not subscribed.',
      citations: [],
    };
  }

  show(caller: Caller): Reply {
    const channel = this.#channelOf(caller);
    const subscription = this.#subscriptions.get(channel.platform, channel.channelId);
    if (!subscription) {
      return {
        command: 'digest',
        title: 'Daily digest',
        text: `This channel is not subscribed. A channel manager can subscribe it: /digest subscribe [HH:MM] [time zone], e.g. /digest subscribe ${DEFAULT_TIME} Europe/Berlin.`,
        citations: [],
      };
    }
    const { time, timezone } = subscription;
    const last = this.#runs.latest(subscription.id);
    const lines = [
      `Schedule: every day at ${time} (${timezone}).`,
      subscription.pausedReason
        ? `Paused: ${subscription.pausedReason} Subscribe again to resume.`
        : `Next digest: ${formatLocal(nextOccurrence(subscription, this.now()), timezone)}.`,
      last ? `Last run: ${formatLocal(last.scheduledFor, timezone)}, ${describeRun(last)}.` : 'No digest has run yet.',
    ];
    return { command: 'digest', title: 'Daily digest', text: lines.join('\n'), citations: [] };
  }

  /** The digest this channel would get now, for the caller's eyes only. */
  preview(caller: Caller): Reply {
    const now = this.now();
    this.#syncLedger(now);
    const subscription = caller.channelId ? this.#subscriptions.get(caller.platform, caller.channelId) : null;
    const timezone = subscription?.timezone ?? DEFAULT_TIMEZONE;
    const { articleIds, since } = this.#coverage(subscription, now);
    const request = { articles: this.#articles(articleIds), localDate: localDate(now, timezone), since };
    const reply = composeDigest(this.library, request) ?? noNewCoverage(request.localDate, since);
    return { ...reply, title: `Preview — ${reply.title ?? 'digest'}`, ephemeral: true };
  }

  /**
   * Shutting down: no new run starts, and a pass under way ends after the post in hand, which
   * is recorded as posted or failed. Runs not reached stay due and are posted after the restart.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#running;
  }

  /** Posts every run that is due (or due for a retry). Safe to call at any time, from any timer. */
  runDue(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    this.#running ??= this.#runDue().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #runDue(): Promise<void> {
    const now = this.now();
    this.#syncLedger(now);
    const graceStart = new Date(now.getTime() - this.options.graceHours * 3600_000);
    for (const subscription of this.#subscriptions.all()) {
      if (this.#stopped) return;
      if (subscription.pausedReason) continue;
      const notBefore = new Date(Math.max(subscription.createdAt.getTime(), graceStart.getTime()));
      const due = latestOccurrence(subscription, now, notBefore);
      if (!due) continue;
      const existing = this.#runs.get(subscription.id, due);
      if (existing && (existing.state !== 'pending' || (existing.nextAttemptAt && existing.nextAttemptAt > now))) continue;
      const poster = this.#posters.get(subscription.platform);
      if (!poster) {
        if (!this.#warnedNoPoster.has(subscription.platform)) {
          this.log.warn(`digest: ${subscription.platform} is not connected; digests for its channels wait until it is`);
          this.#warnedNoPoster.add(subscription.platform);
        }
        continue;
      }
      await this.#attempt(subscription, existing ?? this.#runs.claim(subscription.id, due, now), poster, now);
    }
  }

  async #attempt(subscription: Subscription, run: DigestRun, poster: DigestPoster, now: Date): Promise<void> {
    const where = `${subscription.platform} channel ${subscription.channelId}`;
    const { articleIds, since } = this.#coverage(subscription, run.coversUntil, run);
    const date = localDate(run.scheduledFor, subscription.timezone);
    const reply =
      composeDigest(this.library, { articles: this.#articles(articleIds), localDate: date, since }) ??
      (this.options.postWhenEmpty ? noNewCoverage(date, since) : null);
    if (!reply) {
      this.#runs.markSkipped(run.id, now);
      this.log.info(`digest: nothing new for ${where}; run of ${run.scheduledFor.toISOString()} skipped`);
      this.#outcome('skipped');
      return;
    }
    const key: DigestRunKey = { key: `${subscription.platform}:${subscription.channelId}:${run.scheduledFor.toISOString()}`, subscriptionId: subscription.id, scheduledFor: run.scheduledFor };
    try {
      const messageIds = await poster.post(subscription.channelId, reply, key);
      this.#runs.markPosted(run.id, messageIds, this.now());
      this.log.info(`digest: posted to ${where} (run of ${run.scheduledFor.toISOString()})`);
      this.#outcome('posted');
    } catch (error) {
      this.#outcome('failed');
      const reason = error instanceof Error ? error.message : String(error);
      const attempts = run.attempts + 1;
      if (attempts >= this.options.maxAttempts) {
        this.#runs.recordFailure(run.id, reason, null, this.now());
        this.#subscriptions.pause(subscription.id, `posting failed ${attempts} times (last: ${reason}).`);
        this.log.error(`digest: posting to ${where} failed ${attempts} times; subscription paused: ${reason}`);
        this.#changed();
      } else {
        const retryAt = new Date(this.now().getTime() + this.options.firstRetryMinutes * 4 ** (attempts - 1) * 60_000);
        this.#runs.recordFailure(run.id, reason, retryAt, this.now());
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
  #coverage(subscription: Subscription | null, upTo: Date, run?: DigestRun): { articleIds: Set<string>; since: string } {
    // A skipped run (nothing new) moves the start on; the words name the digest readers last saw.
    const previous = subscription ? this.#runs.lastIn(subscription.id, ['posted', 'skipped']) : null;
    if (previous && previous.id !== run?.id) {
      const lastSeen = this.#runs.lastIn(subscription!.id, ['posted']) ?? previous;
      return {
        articleIds: this.#ledger.joinedBetween(previous.coversUntil, upTo),
        since: `since the previous digest (${formatLocal(lastSeen.scheduledFor, subscription!.timezone)})`,
      };
    }
    const articles = this.library.engine.articles();
    const newestDay = articles[0]?.published;
    const latestDay = articles.filter((a) => a.published === newestDay).map((a) => a.id);
    const sinceSubscribing = subscription ? this.#ledger.joinedBetween(subscription.createdAt, upTo) : new Set<string>();
    return {
      articleIds: new Set([...latestDay, ...sinceSubscribing]),
      since: newestDay ? `in the most recent day of coverage (${newestDay})` : 'in the corpus',
    };
  }

  /** Notes the articles that joined the corpus since the last look (ingested, or dropped into the folder). */
  #syncLedger(now: Date): void {
    this.#ledger.sync(
      this.library.engine.articles().map((a) => a.id),
      now,
    );
  }

  #articles(ids: ReadonlySet<string>) {
    return [...ids].map((id) => this.library.engine.article(id)).filter((a) => a !== undefined);
  }

  #channelOf(caller: Caller): { platform: string; channelId: string } {
    if (caller.platform === 'console' || !caller.channelId) {
      throw new CommandError('invalid_input', 'Digests are posted into Discord or Slack channels; in the console, /digest preview shows one.');
    }
    return { platform: caller.platform, channelId: caller.channelId };
  }

  #changed(): void {
    for (const listener of this.#changeListeners) listener();
  }
}

function describeRun(run: DigestRun): string {
  if (run.state === 'posted') return 'posted';
  if (run.state === 'skipped') return 'nothing new, not posted';
  if (run.state === 'failed') return `failed: ${run.lastError ?? 'unknown error'}`;
  return run.lastError ? `not posted yet (attempt ${run.attempts} failed: ${run.lastError})` : 'being posted';
}

/** "2025-03-21 08:00 (Europe/Berlin)". */
function formatLocal(instant: Date, timezone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${localDate(instant, timezone)} ${time} (${timezone})`;
}
