import { join } from 'node:path';
import type { Article } from '../corpus/article';
import type { SearchEngine } from '../engine/engine';
import { eventRecord, eventsFromRecords, type EventRecord } from '../events/eventRecords';
import { EVENTS_VERSION } from '../events/eventIndex';
import type { DatedEvent } from '../events/extractEvents';
import type { Logger } from '../log';
import { ATTRIBUTION_VERSION, type Statement } from '../positions/positionIndex';
import type { CorpusStatements } from '../positions/corpusStatements';
import { GROUPING_VERSION, keepGrouped } from '../positions/entries';
import { entriesFromRecord, type GroupsRecord } from '../positions/savedGroups';
import { StatementDecoder, statementRecord, type StatementRecord } from '../positions/statementRecords';
import { INSIGHTS_FILE } from '../store/dataFiles';
import type { SavedValues } from '../util/slicedCache';
import { runInSlices } from '../util/timeSlices';
import type { Party, Vocabulary } from '../vocabulary/vocabulary';
import { DamagedInsight, InsightsFile, writeInsightsFile, type InsightKind, type InsightRecord } from './insightsFile';

/** What the insights were computed by: a new version of any makes the saved ones stale. */
export const INSIGHTS_VERSION = `statements ${ATTRIBUTION_VERSION}, events ${EVENTS_VERSION}, groups ${GROUPING_VERSION}`;

/**
 * The statements and events saved at the previous run, for the articles the index was
 * loaded with: the position and event indexes take each article's from here instead of
 * computing it. An article changed since (a new object) is computed; a damaged record is
 * named in the log and its article computed, and the file is then written anew.
 */
export class SavedInsights {
  readonly path: string;
  readonly #fingerprint: string;
  /** Read at the first `ready()`, i.e. when the warm-up (or a command) first needs the insights. */
  #file: InsightsFile | null = null;
  #reading: Promise<void> | null = null;
  /** The articles as loaded: only their records are theirs. */
  readonly #loaded: WeakSet<Article>;
  readonly #decoder: StatementDecoder;
  readonly #log: Logger;
  /** Whether the file on disk lacks something the indexes now hold (so the warm-up writes it). */
  #outdated = true;
  #damageReported = false;
  #groupsAdopted = false;
  /** Writes one after another: the last started is the one left on disk. */
  #writing: Promise<unknown> = Promise.resolve();

  /** `loaded`: the articles of the corpus `fingerprint` describes, as the engine holds them now. */
  constructor(dataDir: string, fingerprint: string, loaded: Iterable<Article>, vocabulary: Vocabulary, log: Logger) {
    this.path = join(dataDir, INSIGHTS_FILE);
    this.#fingerprint = fingerprint;
    this.#loaded = new WeakSet(loaded);
    this.#decoder = new StatementDecoder(vocabulary);
    this.#log = log;
  }

  get outdated(): boolean {
    return this.#outdated;
  }

  /** Reads the file, once, without holding the event loop. */
  ready(): Promise<void> {
    this.#reading ??= InsightsFile.read(this.path, this.#fingerprint, INSIGHTS_VERSION).then((read) => {
      if (read.status === 'damaged') this.#log.warn(`the insights snapshot ${this.path} is damaged (${read.reason}): computing the statements and events anew`);
      this.#file = read.status === 'loaded' ? read.file : null;
      this.#outdated = this.#file === null;
    });
    return this.#reading;
  }

  /** The saved statements of each article, for the position index. */
  readonly statements: SavedValues<Article, Statement[]> = {
    ready: () => this.ready(),
    take: (article) => this.#restore('statements', article, (records: StatementRecord[]) => this.#decoder.decode(records, article)),
  };

  /** The saved events of each article, for the event index. */
  readonly events: SavedValues<Article, DatedEvent[]> = {
    ready: () => this.ready(),
    take: (article) => this.#restore('events', article, (records: EventRecord[]) => eventsFromRecords(records, article)),
  };

  /**
   * Gives every party's statements of the corpus read back their grouping as saved at the
   * previous run (see `savedGroups.ts`), when it fits them, a slice at a time; the others
   * are grouped when first needed, and saved after the warm-up. Once: only the corpus the
   * index was loaded with is the one the groupings were saved for (the caller checks that no
   * article was computed instead).
   */
  async adoptGroups(statements: CorpusStatements<Statement>, parties: readonly Party[]): Promise<void> {
    if (!this.#file || this.#groupsAdopted) return;
    this.#groupsAdopted = true;
    for (const party of parties) {
      const list = statements.of(party);
      const entries = await runInSlices(entriesFromRecord(list, this.#takeGroups(party.id)));
      if (entries) keepGrouped(list, entries);
      else this.#outdated = true;
    }
  }

  #takeGroups(partyId: string): unknown {
    try {
      return this.#file?.take('groups', partyId);
    } catch (error) {
      this.#reportDamage('groups', `the party ${partyId}`, error);
      return undefined;
    }
  }

  #restore<R, V>(kind: InsightKind, article: Article, decode: (records: R[]) => V): V | undefined {
    if (!this.#file || !this.#loaded.has(article)) return undefined;
    try {
      const records = this.#file.take(kind, article.id);
      if (records === undefined) {
        this.#outdated = true;
        return undefined;
      }
      if (!Array.isArray(records)) throw new DamagedInsight('it is not a list');
      return decode(records as R[]);
    } catch (error) {
      this.#outdated = true;
      this.#reportDamage(kind, article.file, error);
      return undefined;
    }
  }

  /** Names the first damaged record in the log; the rest only cost their recomputation. */
  #reportDamage(kind: InsightKind, of: string, error: unknown): void {
    if (this.#damageReported) return;
    this.#damageReported = true;
    const reason = error instanceof DamagedInsight ? error.message : `it is unreadable (${(error as Error).message.slice(0, 100)})`;
    this.#log.warn(`the insights snapshot ${this.path} is damaged (the ${kind} of ${of}: ${reason}): computing them anew, and the file is written again after the warm-up`);
  }

  /**
   * Writes every article's statements and events, for the corpus as it is when called
   * (`fingerprint` describes it), once `compute` has made the missing ones ready (or not:
   * those are then left out). Writes queue behind each other.
   */
  save(engine: SearchEngine, fingerprint: () => string, compute: (articles: readonly Article[]) => Promise<void>, take: TakeInsights): Promise<boolean> {
    const written = this.#writing.then(async () => {
      // Taken together, so that they describe the same corpus; a change made while this one is written is the next save's.
      const articles = engine.articles();
      const basis = fingerprint();
      await compute(articles);
      const groups = (await take.groups?.(articles)) ?? [];
      await writeInsightsFile(this.path, basis, INSIGHTS_VERSION, recordsOf(articles, take, groups));
      this.#outdated = articles.some((article) => !take.statements(article) || !take.events(article));
      // What the indexes had not taken from the file by now is of articles changed since: it can be closed.
      this.#file?.close();
      this.#file = null;
      return true;
    });
    this.#writing = written.catch((error: unknown) => this.#log.warn(`could not write the insights snapshot to ${this.path}: ${(error as Error).message}`));
    return written.catch(() => false);
  }
}

/**
 * An article's statements and events as the indexes hold them, undefined when not computed
 * (they are then left out, and computed at the next start); and each party's statements as
 * grouped for these articles, when they are to be saved too.
 */
export interface TakeInsights {
  statements(article: Article): Statement[] | undefined;
  events(article: Article): DatedEvent[] | undefined;
  groups?(articles: readonly Article[]): Promise<Iterable<{ partyId: string; record: GroupsRecord }>>;
}

/** Groups first: they are read first too (as the statements are gathered), and each kind of record is looked for from where its last one was. */
function* recordsOf(articles: readonly Article[], take: TakeInsights, groups: Iterable<{ partyId: string; record: GroupsRecord }>): Generator<InsightRecord> {
  for (const { partyId, record } of groups) yield { kind: 'groups', id: partyId, data: record };
  for (const article of articles) {
    const statements = take.statements(article);
    if (statements) yield { kind: 'statements', id: article.id, data: statements.map(statementRecord) };
    const events = take.events(article);
    if (events) yield { kind: 'events', id: article.id, data: events.map(eventRecord) };
  }
}
