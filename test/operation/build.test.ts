import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, temporaryDir } from '../helpers/fixtures';

/** Packages only a platform or ingestion needs: a console run must not load them. */
const LOADED_ONLY_WHEN_USED = ['discord.js', '@slack/bolt', 'linkedom', '@mozilla/readability', 'feedsmith', 'chokidar'];

/** The packages a module of the build imports statically, following its static imports of other build files. */
function staticPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(/^import\s(?:[^'"]*?\sfrom\s)?"([^"]+)";?$/gmu)) {
    if (specifier!.startsWith('.')) for (const name of staticPackages(resolve(dirname(file), specifier!), seen)) packages.add(name);
    else packages.add(specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!);
  }
  return packages;
}

beforeAll(() => {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT });
});

describe('the compiled build', () => {
  it('is what npm start runs, and npm ci builds it', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toMatch(/^node .*dist\/src\/main\.js$/u);
    expect(scripts.prepare).toBe('npm run -s build');
  });

  it('answers a one-shot ask with plain node, no TypeScript loader', () => {
    const run = spawnSync(process.execPath, ['dist/src/main.js', 'ask', 'What did Putin say about Kursk?'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PARLEY_DATA_DIR: temporaryDir() },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Kursk/u);
    expect(run.stdout).toMatch(/Sources:/u);
  });

  it('loads the platforms and ingestion only when used: the entry point does not import them', () => {
    const loaded = staticPackages(join(ROOT, 'dist/src/main.js'));
    expect(loaded).toContain('minisearch');
    for (const name of LOADED_ONLY_WHEN_USED) expect(loaded, name).not.toContain(name);
  });
});
