import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { CommandContext } from '../../src/app/context';
import { Parley } from '../../src/app/parley';
import type { Caller } from '../../src/core/command';
import { SLASH_COMMAND, writeOutcomeRefs } from '../../src/core/commandRef';
import type { Outcome } from '../../src/core/invoke';
import { loadCommands, type CommandRegistry } from '../../src/core/registry';
import { Digests, type DigestOptions } from '../../src/digest/digests';
import { openLibrary, type Library } from '../../src/library/library';
import { openSqliteStorage } from '../../src/store/sqlite/storage';
import { silentLogger, type Logger } from '../../src/log';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS_DIR = join(ROOT, 'corpus');
export const CONFIG_DIR = join(ROOT, 'config');

export const CONSOLE_CALLER: Caller = { platform: 'console', userId: null, channelId: null, canManageChannel: true };

/** How long a temporary folder lives: until the end of the test, or of the test file (for `beforeAll`). */
export type Lifetime = 'test' | 'file';

const temporaryDirs: Record<Lifetime, string[]> = { test: [], file: [] };
const removeAll = (dirs: string[]): void => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
};
afterEach(() => removeAll(temporaryDirs.test));
afterAll(() => removeAll(temporaryDirs.file));

/** A fresh temporary folder, removed after the test (or the test file). */
export function temporaryDir(prefix = 'parley-test-', lifetime: Lifetime = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirs[lifetime].push(dir);
  return dir;
}

/** A copy of the real corpus in a temporary folder, with extra files written into it. */
export function corpusCopy(extraFiles: Record<string, string> = {}, lifetime: Lifetime = 'test'): string {
  const dir = temporaryDir('parley-corpus-', lifetime);
  cpSync(CORPUS_DIR, dir, { recursive: true });
  for (const [name, text] of Object.entries(extraFiles)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The library over a corpus folder (the real one by default), without a snapshot. */
export function libraryOf(corpusDir = CORPUS_DIR, log: Logger = silentLogger): Library {
  return openLibrary({ corpusDir, configDir: CONFIG_DIR, dataDir: temporaryDir('parley-data-'), useSnapshot: false }, log);
}

let seedLibrary: Library | undefined;
/** The library over the seed corpus, built once per test file. */
export function seedCorpusLibrary(): Library {
  seedLibrary ??= libraryOf();
  return seedLibrary;
}

/** The whole application over the seed corpus, as the adapters use it, with digests in a fresh database. */
export async function seedParley(log: Logger = silentLogger, now: () => Date = () => new Date()): Promise<Parley> {
  return testParley(await loadCommands(), seedCorpusLibrary(), log, now);
}

/** The application with these commands over this library, with digests in a fresh database. */
export function testParley(registry: CommandRegistry<CommandContext>, library: Library = seedCorpusLibrary(), log: Logger = silentLogger, now: () => Date = () => new Date()): Parley {
  const digests = new Digests(openSqliteStorage(temporaryDir('parley-digests-', 'file'), silentLogger), library, TEST_DIGEST_OPTIONS, log, now);
  return new Parley(registry, { library, now, digests }, log);
}

/** An outcome as the console and Discord show it: its references to commands written `/ask`. */
export const asTyped = (outcome: Outcome): Outcome => writeOutcomeRefs(outcome, SLASH_COMMAND);

export const TEST_DIGEST_OPTIONS: DigestOptions = Object.freeze({ graceHours: 6, postWhenEmpty: false, maxAttempts: 3, firstRetryMinutes: 1 });


/** A corpus file: front matter fields and a body. */
export function articleFile(fields: Record<string, string | boolean | string[]>, body: string): string {
  const yaml = Object.entries(fields)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : typeof value === 'string' ? JSON.stringify(value) : String(value)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}\n`;
}
