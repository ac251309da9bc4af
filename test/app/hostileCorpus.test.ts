import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFile, corpusCopy, temporaryDir } from '../helpers/fixtures';
import { ALIAS_BOMB, invalidUtf8File, largeFrontMatterFile, manyKeysFile } from '../helpers/hostileFiles';
import { runBot } from '../helpers/runBot';

/** The bot as operators start it, over a corpus folder holding files shaped to hurt it. */

const NOT_FOLLOWED = 'not followed, corpus files must be regular files inside the corpus folder';

describe('starting over a corpus with hostile files', () => {
  it('names each hostile file and skips it, loads every other article, from the files and again from the snapshot', async () => {
    const outside = temporaryDir('parley-outside-');
    writeFileSync(join(outside, 'secret.md'), articleFile({ title: 'Outside', source: 'Test Wire', published: '2025-04-03' }, 'Quokkas live outside the corpus folder.'));
    const { bytes, offset, line } = invalidUtf8File();
    const corpusDir = corpusCopy({
      'bomb.md': ALIAS_BOMB,
      'keys.md': manyKeysFile(300),
      'long.md': largeFrontMatterFile(70_000),
      'big.md': articleFile({ title: 'Big', source: 'Test Wire', published: '2025-04-01' }, 'Zebras grazed. '.repeat(8000)),
      'zebras.md': articleFile({ title: 'Zebras at the Dnipro', source: 'Test Wire', published: '2025-04-01' }, 'Zebras crossed the Dnipro near Kherson on Tuesday.'),
    });
    writeFileSync(join(corpusDir, 'latin1.md'), bytes);
    symlinkSync(join(outside, 'secret.md'), join(corpusDir, 'secret.md'));
    // big.md is 120 KB; long.md, 70 KB, is refused for its front matter.
    const env = { PARLEY_CORPUS_DIR: corpusDir, PARLEY_DATA_DIR: temporaryDir('parley-bot-data-'), PARLEY_MAX_ARTICLE_BYTES: '100000', PARLEY_LOG_LEVEL: 'debug' };

    for (const loadedFrom of ['corpus', 'snapshot']) {
      const run = await runBot(['sources'], { env });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(new RegExp(`^\\[debug\\] loaded 6 articles \\(\\d+ passages\\) from the ${loadedFrom}$`, 'mu'));
      expect(run.stdout).toContain('The corpus holds 6 articles');
      expect(run.stdout).toContain('Zebras at the Dnipro');
      expect(run.stdout).not.toContain('Outside');
      expect(run.stdout).toContain('6 corpus files were skipped because of errors');
      const warnings = run.stderr.split('\n').filter((l) => l.startsWith('[warn] corpus file')).sort();
      expect(warnings).toEqual([
        expect.stringMatching(/^\[warn\] corpus file big\.md skipped: too large: 120,\d{3} bytes, over the limit of 100,000 \(PARLEY_MAX_ARTICLE_BYTES\)$/u),
        '[warn] corpus file bomb.md skipped: front matter: its YAML aliases expand too far (more than 100 alias uses; an alias bomb?)',
        '[warn] corpus file keys.md skipped: front matter: 304 keys, over the limit of 200 (PARLEY_MAX_FRONT_MATTER_KEYS)',
        `[warn] corpus file latin1.md skipped: not valid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`,
        expect.stringMatching(/^\[warn\] corpus file long\.md skipped: front matter: 70,\d{3} bytes, over the limit of 65,536 \(PARLEY_MAX_FRONT_MATTER_BYTES\)$/u),
        `[warn] corpus file secret.md skipped: a symbolic link (to ${join(outside, 'secret.md')}): ${NOT_FOLLOWED}`,
      ]);
    }
  });

  it('names a limit set too low for a valid file', async () => {
    const run = await runBot(['sources'], { env: { PARLEY_MAX_FRONT_MATTER_KEYS: '3' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Setting PARLEY_MAX_FRONT_MATTER_KEYS is invalid: .* \(got "3"\)\.$/mu);
  });
});
