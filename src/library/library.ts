import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerSelector } from '../answer/selectAnswer';
import type { Article } from '../corpus/article';
import { DEFAULT_CORPUS_LIMITS, type CorpusLimits } from '../corpus/limits';
import { articleIdOf, readArticle, scanCorpusFolder, type CorpusProblem } from '../corpus/loader';
import { BodyFile, encodePassages } from '../engine/articleBodies';
import { DEFAULT_ENGINE_OPTIONS, SearchEngine, type EngineOptions } from '../engine/engine';
import { digestFiles, fingerprint, readSnapshot, sameStamp, stampFiles, stampOf, writeSnapshot, type BodyDamage, type FileStamp } from '../engine/snapshot';
import { EventIndex } from '../events/eventIndex';
import { groupStatements, prepareGroups, sameStatementKeyOf } from '../positions/entries';
import { PositionIndex } from '../positions/positionIndex';
import { groupsRecord, type GroupsRecord } from '../positions/savedGroups';
import type { Logger } from '../log';
import { SavedInsights } from './savedInsights';
import { SNAPSHOT_FILE } from '../store/dataFiles';
import { loadVocabulary } from '../vocabulary/loadVocabulary';
import { VOCABULARY_FILES, type Vocabulary } from '../vocabulary/vocabulary';

/**
 * The corpus as loaded: the search engine over its articles, and the files that failed.
 * While the bot runs, the corpus watcher updates it in place (the adapters hold this object).
 */
export interface Library {
  engine: SearchEngine;
  vocabulary: Vocabulary;
  /** Party positions, computed per article on first use. */
  positions: PositionIndex;
  /** Dated events, computed per article on first use. */
  events: EventIndex;
  /** Answers questions from the engine's passages. */
  answers: AnswerSelector;
  problems: CorpusProblem[];
  /** Whether the index came from a snapshot or was built from the files. */
  loadedFrom: 'snapshot' | 'corpus';
  /** What the index reflects: each corpus file's size and modification time when it was read. */
  stamps: Map<string, FileStamp>;
  /** The vocabulary files' contents when the index was built. */
  vocabularyDigest: string;
  /** The limits the corpus files were read under (live reload reads them under the same). */
  corpusLimits: CorpusLimits;
  /** The statements and events saved by the previous run, and where they are saved; null without a snapshot. */
  savedInsights: SavedInsights | null;
}

export interface LibraryLocation {
  corpusDir: string;
  configDir: string;
  dataDir: string;
  useSnapshot: boolean;
  /** How large a corpus file may be; the defaults when not given. */
  corpusLimits?: CorpusLimits;
}

export { SNAPSHOT_FILE };
/** Where versions before snapshot format 3 kept theirs (JSON Lines): removed once a new one is written. */
const LEGACY_SNAPSHOT_FILE = 'index-snapshot.json';

/** Loads the corpus, from the snapshot when it is still valid; reports every broken file. */
export function openLibrary(location: LibraryLocation, log: Logger, options: EngineOptions = DEFAULT_ENGINE_OPTIONS): Library {
  const vocabulary = loadVocabulary(location.configDir);
  const vocabularyDigest = digestFiles(Object.values(VOCABULARY_FILES).map(({ file }) => join(location.configDir, file)));
  const corpusLimits = location.corpusLimits ?? DEFAULT_CORPUS_LIMITS;
  // Links are never read, so never stamped: they are reported afresh at every start.
  const { files: corpusFiles, links } = scanCorpusFolder(location.corpusDir);
  // Stamped before reading: a file that changes meanwhile looks changed later, never the reverse.
  const stamps = stampFiles(location.corpusDir, corpusFiles);
  const expectedFingerprint = fingerprint({ vocabularyDigest, options, stamps, corpusLimits });
  const snapshot = location.useSnapshot ? usableSnapshot(location, expectedFingerprint, vocabulary, { stamps, corpusLimits }, log) : null;

  let library: Library;
  if (snapshot) {
    const { engine } = snapshot;
    // The snapshot's own list may name links of its time: only its stamped files' problems still hold.
    const problems = [...links, ...snapshot.problems.filter((problem) => stamps.has(problem.file))];
    library = { ...derivedIndexes(engine, vocabulary, savedInsights(location, expectedFingerprint, { engine, stamps }, vocabulary, log)), engine, vocabulary, problems, loadedFrom: 'snapshot', stamps, vocabularyDigest, corpusLimits };
  } else {
    const problems: CorpusProblem[] = [...links];
    // One file at a time, each body written to a scratch file (or kept encoded when there is
    // no data folder to write to): the corpus's text is never held in memory as objects.
    const bodies = location.useSnapshot ? scratchBodies(location.dataDir) : undefined;
    const engine = SearchEngine.build(readArticles(location.corpusDir, corpusFiles, corpusLimits, problems), vocabulary, options, bodies);
    if (location.useSnapshot) saveSnapshot({ engine, problems, stamps, vocabularyDigest, corpusLimits }, location, log);
    // Insights saved for the very same files (the index snapshot alone was lost or damaged) still hold.
    library = { ...derivedIndexes(engine, vocabulary, savedInsights(location, expectedFingerprint, { engine, stamps }, vocabulary, log)), engine, vocabulary, problems, loadedFrom: 'corpus', stamps, vocabularyDigest, corpusLimits };
  }

  for (const { file, problems } of library.problems) {
    log.warn(`corpus file ${file} skipped: ${problems.join('; ')}`);
  }
  log.debug(`loaded ${library.engine.articleCount} articles (${library.engine.passageCount} passages) from the ${library.loadedFrom}`);
  return library;
}

/**
 * Saves the index as it is now. Its fingerprint describes the files the index reflects
 * (not the folder as it is at this moment), so a file changed since is re-read at the next start.
 */
export function saveSnapshot(
  library: Pick<Library, 'engine' | 'problems' | 'stamps' | 'vocabularyDigest' | 'corpusLimits'>,
  location: Pick<LibraryLocation, 'dataDir'>,
  log: Logger,
): boolean {
  const path = snapshotPath(location);
  try {
    writeSnapshot(path, fingerprint(basisOf(library)), library.problems, library.engine);
    rmSync(join(location.dataDir, LEGACY_SNAPSHOT_FILE), { force: true });
    return true;
  } catch (error) {
    log.warn(`could not write the index snapshot to ${path}: ${(error as Error).message}`);
    return false;
  }
}

/**
 * Saves every article's statements and events to the insights snapshot, without holding the
 * event loop, computing the missing ones first (in slices) unless `onlyComputed` (when
 * stopping: those are then computed at the next start); resolves to whether it was written.
 */
export function saveInsights(library: Library, { onlyComputed = false } = {}): Promise<boolean> {
  const saved = library.savedInsights;
  if (!saved) return Promise.resolve(false);
  const { positions, events } = library;
  return saved.save(
    library.engine,
    () => fingerprint(basisOf(library)),
    async (articles) => {
      if (onlyComputed) return;
      await positions.prepare(articles);
      await events.prepare(articles);
    },
    {
      statements: (article) => positions.known(article),
      events: (article) => events.known(article),
      groups: onlyComputed ? undefined : (articles) => partyGroups(library, articles),
    },
  );
}

/** Every party's statements in these articles, grouped (in slices, unless grouped already), as the insights snapshot keeps them. */
async function partyGroups(library: Library, articles: readonly Article[]): Promise<{ partyId: string; record: GroupsRecord }[]> {
  const statements = await library.positions.corpusStatements(articles);
  const lists = library.vocabulary.parties.map((party) => statements.of(party));
  await prepareGroups(lists);
  return library.vocabulary.parties.map((party, i) => ({ partyId: party.id, record: groupsRecord(lists[i]!, groupStatements(lists[i]!)) }));
}

/** What the index reflects now, as its fingerprint describes it. */
const basisOf = (library: Pick<Library, 'engine' | 'stamps' | 'vocabularyDigest' | 'corpusLimits'>) => ({
  vocabularyDigest: library.vocabularyDigest,
  options: library.engine.options,
  stamps: library.stamps,
  corpusLimits: library.corpusLimits,
});

function savedInsights(
  location: LibraryLocation,
  expectedFingerprint: string,
  { engine, stamps }: { engine: SearchEngine; stamps: ReadonlyMap<string, FileStamp> },
  vocabulary: Vocabulary,
  log: Logger,
): SavedInsights | null {
  if (!location.useSnapshot) return null;
  // By the files, not engine.articles(): sorting 50,000 articles would add a fifth of a second to the start.
  const loaded = [...stamps.keys()].map((file) => engine.article(articleIdOf(file))).filter((article) => article !== undefined);
  return new SavedInsights(location.dataDir, expectedFingerprint, loaded, vocabulary, log);
}

/** The snapshot to start from, if it is intact and up to date; a damaged one is named in the log (the caller rebuilds it). */
function usableSnapshot(location: LibraryLocation, expectedFingerprint: string, vocabulary: Vocabulary, basis: CorpusBasis, log: Logger) {
  const path = snapshotPath(location);
  const read = readSnapshot(path, expectedFingerprint, vocabulary, (damage) => bodyFromCorpus(location.corpusDir, basis, damage, path, log));
  if (read.status === 'damaged') log.warn(`the index snapshot ${path} is damaged (${read.reason}): rebuilding it from the corpus`);
  return read.status === 'loaded' ? read : null;
}

/** What the index was read from: each corpus file's stamp then, and the limits it was read under. */
interface CorpusBasis {
  stamps: ReadonlyMap<string, FileStamp>;
  corpusLimits: CorpusLimits;
}

/**
 * The body of an article whose copy in the snapshot turned out damaged when it was read, read
 * again from its corpus file (which must be unchanged since it was indexed), so that the damaged
 * text is never quoted. Otherwise the article cannot be quoted until the watcher re-reads it.
 */
function bodyFromCorpus(corpusDir: string, { stamps, corpusLimits }: CorpusBasis, damage: BodyDamage, snapshotFile: string, log: Logger): Buffer {
  const { article, reason, first, removed } = damage;
  if (first) {
    const next = removed ? 'it was removed, so that the next start rebuilds it' : 'a newer snapshot has replaced it since';
    log.warn(`the index snapshot ${snapshotFile} is damaged (the text of ${article.file}: ${reason}): ${next}`);
  }
  const unchanged = sameStamp(stamps.get(article.file), currentStamp(join(corpusDir, article.file)));
  const reread = unchanged ? readArticle(corpusDir, article.file, corpusLimits) : null;
  if (!reread?.ok || reread.article.id !== article.id || reread.article.passages.length !== article.passageCount) {
    log.error(`the text of ${article.file} is damaged in the index snapshot, and the file changed since it was indexed: it is not quoted until the file is read again`);
    throw new Error(`the text of ${article.file} is unavailable until the file is read again (its copy in the index snapshot is damaged)`);
  }
  log.warn(`the text of ${article.file} was read again from the corpus, not from the damaged snapshot`);
  return encodePassages(reread.article.passages);
}

function currentStamp(path: string): FileStamp | undefined {
  try {
    return stampOf(path);
  } catch {
    return undefined;
  }
}

/** A scratch file for bodies, or none (they stay in memory) where the data folder is not writable. */
function scratchBodies(dataDir: string): BodyFile | undefined {
  try {
    return BodyFile.scratch(dataDir);
  } catch {
    return undefined;
  }
}

function* readArticles(corpusDir: string, files: readonly string[], limits: CorpusLimits, problems: CorpusProblem[]): Generator<Article> {
  for (const file of files) {
    const result = readArticle(corpusDir, file, limits);
    if (result.ok) yield result.article;
    else problems.push(result.problem);
  }
}

const snapshotPath = (location: Pick<LibraryLocation, 'dataDir'>): string => join(location.dataDir, SNAPSHOT_FILE);

function derivedIndexes(engine: SearchEngine, vocabulary: Vocabulary, saved: SavedInsights | null) {
  const positions: PositionIndex = new PositionIndex(
    vocabulary,
    engine.analyzer,
    saved?.statements ?? null,
    // The keys replies group statements by are made as the statements are: a large party's take a second at 50,000 articles.
    (statements) => statements.forEach(sameStatementKeyOf),
    // Grouped as saved before anyone asks (a /position at the warm-up's start included), when every statement was read back.
    async (corpus) => {
      if (positions.counts.computed === 0) await saved?.adoptGroups(corpus, vocabulary.parties);
    },
  );
  return { positions, events: new EventIndex(saved?.events ?? null), answers: new AnswerSelector(engine, vocabulary), savedInsights: saved };
}
