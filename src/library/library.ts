import { join } from 'node:path';
import { listCorpusFiles, loadCorpus, type CorpusProblem } from '../corpus/loader';
import { DEFAULT_ENGINE_OPTIONS, SearchEngine, type EngineOptions } from '../engine/engine';
import { fingerprint, readSnapshot, writeSnapshot } from '../engine/snapshot';
import { EventIndex } from '../events/eventIndex';
import { PositionIndex } from '../positions/positionIndex';
import type { Logger } from '../log';
import { loadVocabulary } from '../vocabulary/loadVocabulary';
import { VOCABULARY_FILES, type Vocabulary } from '../vocabulary/vocabulary';

/** The corpus as loaded: the search engine over its articles, and the files that failed. */
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
  const snapshotPath = join(location.dataDir, SNAPSHOT_FILE);
  const corpusFiles = listCorpusFiles(location.corpusDir);
  const currentFingerprint = location.useSnapshot
    ? fingerprint({
        corpusDir: location.corpusDir,
        corpusFiles,
        vocabularyFiles: Object.values(VOCABULARY_FILES).map(({ file }) => join(location.configDir, file)),
        options,
      })
    : null;

  let library: Library;
  const snapshot = currentFingerprint ? readSnapshot(snapshotPath, currentFingerprint) : null;
  if (snapshot) {
    const engine = SearchEngine.loadJSON(snapshot.engine, vocabulary);
    library = { ...derivedIndexes(engine, vocabulary), engine, vocabulary, problems: snapshot.problems, loadedFrom: 'snapshot' };
  } else {
    const { articles, problems } = loadCorpus(location.corpusDir, corpusFiles);
    const engine = SearchEngine.build(articles, vocabulary, options);
    library = { ...derivedIndexes(engine, vocabulary), engine, vocabulary, problems, loadedFrom: 'corpus' };
    if (currentFingerprint) {
      try {
        writeSnapshot(snapshotPath, { fingerprint: currentFingerprint, problems, engine: library.engine.toJSON() });
      } catch (error) {
        log.warn(`could not write the index snapshot to ${snapshotPath}: ${(error as Error).message}`);
      }
    }
  }

  for (const { file, problems } of library.problems) {
    log.warn(`corpus file ${file} skipped: ${problems.join('; ')}`);
  }
  log.debug(`loaded ${library.engine.articleCount} articles (${library.engine.passageCount} passages) from the ${library.loadedFrom}`);
  return library;
}

const derivedIndexes = (engine: SearchEngine, vocabulary: Vocabulary) => ({
  positions: new PositionIndex(vocabulary, engine.analyzer),
  events: new EventIndex(),
});
