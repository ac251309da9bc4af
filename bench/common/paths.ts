import { join } from 'node:path';

/** The repository's root, and the folders of the real bot the benchmarks run against. */
export const ROOT = join(import.meta.dirname, '../..');
export const CONFIG_DIR = join(ROOT, 'config');
export const SEED_CORPUS_DIR = join(ROOT, 'corpus');
