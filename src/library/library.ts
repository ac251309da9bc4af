import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { AnswerSelector } from '../answer/selectAnswer';
import type { Article } from '../corpus/article';
import { listCorpusFiles, readArticle, type CorpusProblem } from '../corpus/loader';
import { BodyFile } from '../engine/articleBodies';
import { DEFAULT_ENGINE_OPTIONS, SearchEngine, type EngineOptions } from '../engine/engine';
import { digestFiles, fingerprint, readSnapshot, stampFiles, writeSnapshot, type FileStamp } from '../engine/snapshot';
import { EventIndex } from '../events/eventIndex';
import { PositionIndex } from '../positions/positionIndex';
import type { Logger } from '../log';
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
}

export interface LibraryLocation {
  corpusDir: string;
  configDir: string;
  dataDir: string;
  useSnapshot: boolean;
}

export const SNAPSHOT_FILE = 'index.snapshot';
/** Where versions before snapshot format 3 kept theirs (JSON Lines): removed once a new one is written. */
const LEGACY_SNAPSHOT_FILE = 'index-snapshot.json';

/** Loads the corpus, from the snapshot when it is still valid; reports every broken file. */
export function openLibrary(location: LibraryLocation, log: Logger, options: EngineOptions = DEFAULT_ENGINE_OPTIONS): Library {
  const vocabulary = loadVocabulary(location.configDir);
  const vocabularyDigest = digestFiles(Object.values(VOCABULARY_FILES).map(({ file }) => join(location.configDir, file)));
  const corpusFiles = listCorpusFiles(location.corpusDir);
  // Stamped before reading: a file that changes meanwhile looks changed later, never the reverse.
  const stamps = stampFiles(location.corpusDir, corpusFiles);
  const expectedFingerprint = fingerprint({ vocabularyDigest, options, stamps });
  const snapshot = location.useSnapshot ? readSnapshot(snapshotPath(location), expectedFingerprint, vocabulary) : null;

  let library: Library;
  if (snapshot) {
    const { engine, problems } = snapshot;
    library = { ...derivedIndexes(engine, vocabulary), engine, vocabulary, problems, loadedFrom: 'snapshot', stamps, vocabularyDigest };
  } else {
    const problems: CorpusProblem[] = [];
    // One file at a time, each body written to a scratch file (or kept encoded when there is
    // no data folder to write to): the corpus's text is never held in memory as objects.
    const bodies = location.useSnapshot ? scratchBodies(location.dataDir) : undefined;
    const engine = SearchEngine.build(readArticles(location.corpusDir, corpusFiles, problems), vocabulary, options, bodies);
    if (location.useSnapshot) saveSnapshot({ engine, problems, stamps, vocabularyDigest }, location, log);
    library = { ...derivedIndexes(engine, vocabulary), engine, vocabulary, problems, loadedFrom: 'corpus', stamps, vocabularyDigest };
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
  library: Pick<Library, 'engine' | 'problems' | 'stamps' | 'vocabularyDigest'>,
  location: Pick<LibraryLocation, 'dataDir'>,
  log: Logger,
): boolean {
  const path = snapshotPath(location);
  const basis = { vocabularyDigest: library.vocabularyDigest, options: library.engine.options, stamps: library.stamps };
  try {
    writeSnapshot(path, fingerprint(basis), library.problems, library.engine);
    rmSync(join(location.dataDir, LEGACY_SNAPSHOT_FILE), { force: true });
    return true;
  } catch (error) {
    log.warn(`could not write the index snapshot to ${path}: ${(error as Error).message}`);
    return false;
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

function* readArticles(corpusDir: string, files: readonly string[], problems: CorpusProblem[]): Generator<Article> {
  for (const file of files) {
    const result = readArticle(corpusDir, file);
    if (result.ok) yield result.article;
    else problems.push(result.problem);
  }
}

const snapshotPath = (location: Pick<LibraryLocation, 'dataDir'>): string => join(location.dataDir, SNAPSHOT_FILE);

const derivedIndexes = (engine: SearchEngine, vocabulary: Vocabulary) => ({
  positions: new PositionIndex(vocabulary, engine.analyzer),
  events: new EventIndex(),
  answers: new AnswerSelector(engine, vocabulary),
});
