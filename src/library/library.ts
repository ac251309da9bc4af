import { join } from 'node:path';
import { listCorpusFiles, readArticle, type CorpusProblem } from '../corpus/loader';
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

export const SNAPSHOT_FILE = 'index-snapshot.json';

/** Loads the corpus, from the snapshot when it is still valid; reports every broken file. */
export function openLibrary(location: LibraryLocation, log: Logger, options: EngineOptions = DEFAULT_ENGINE_OPTIONS): Library {
  const vocabulary = loadVocabulary(location.configDir);
  const vocabularyDigest = digestFiles(Object.values(VOCABULARY_FILES).map(({ file }) => join(location.configDir, file)));
  const corpusFiles = listCorpusFiles(location.corpusDir);
  // Stamped before reading: a file that changes meanwhile looks changed later, never the reverse.
  const stamps = stampFiles(location.corpusDir, corpusFiles);
  const snapshot = location.useSnapshot
    ? readSnapshot(snapshotPath(location), fingerprint({ vocabularyDigest, options, stamps }), vocabulary)
    : null;

  let library: Library;
  if (snapshot) {
    const { engine, problems } = snapshot;
    library = { ...derivedIndexes(engine, vocabulary), engine, vocabulary, problems, loadedFrom: 'snapshot', stamps, vocabularyDigest };
  } else {
    // One file at a time: the engine keeps each body encoded, never the whole corpus as objects.
    const problems: CorpusProblem[] = [];
    const engine = SearchEngine.build(
      (function* () {
        for (const file of corpusFiles) {
          const result = readArticle(location.corpusDir, file);
          if (result.ok) yield result.article;
          else problems.push(result.problem);
        }
      })(),
      vocabulary,
      options,
    );
    library = { ...derivedIndexes(engine, vocabulary), engine, vocabulary, problems, loadedFrom: 'corpus', stamps, vocabularyDigest };
    if (location.useSnapshot) saveSnapshot(library, location, log);
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
export function saveSnapshot(library: Library, location: Pick<LibraryLocation, 'dataDir'>, log: Logger): void {
  const path = snapshotPath(location);
  const basis = { vocabularyDigest: library.vocabularyDigest, options: library.engine.options, stamps: library.stamps };
  try {
    writeSnapshot(path, fingerprint(basis), library.problems, library.engine);
  } catch (error) {
    log.warn(`could not write the index snapshot to ${path}: ${(error as Error).message}`);
  }
}

const snapshotPath = (location: Pick<LibraryLocation, 'dataDir'>): string => join(location.dataDir, SNAPSHOT_FILE);

const derivedIndexes = (engine: SearchEngine, vocabulary: Vocabulary) => ({
  positions: new PositionIndex(vocabulary, engine.analyzer),
  events: new EventIndex(),
});
