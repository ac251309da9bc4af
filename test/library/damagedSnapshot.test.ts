import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FILE } from '../../src/library/library';
import { temporaryDir } from '../helpers/fixtures';
import { runBot } from '../helpers/runBot';
import { flipBytes, snapshotLayout } from '../helpers/snapshotFile';

/**
 * The real process over a damaged `data/index.snapshot`: whatever bytes were flipped, the bot
 * answers exactly as it did from an intact one, says which file was damaged, and the damage
 * does not outlive the next start.
 */
const QUESTION = 'What did Putin say about the 30-day ceasefire?';

describe('npm start over a damaged index snapshot', { timeout: 180_000 }, () => {
  it('answers verbatim, names the file, and rebuilds it', async () => {
    const dataDir = temporaryDir('parley-snapshot-');
    const path = join(dataDir, SNAPSHOT_FILE);
    const ask = () => runBot(['ask', QUESTION, '--json'], { env: { PARLEY_DATA_DIR: dataDir } });

    const intact = await ask();
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('conditional support for the 30-day cease-fire proposal');
    expect(existsSync(path)).toBe(true);

    // Damage that the start-up check sees: rebuilt at once.
    flipBytes(path, snapshotLayout(path).arrays);
    const afterIndexDamage = await ask();
    expect(afterIndexDamage.stdout).toBe(intact.stdout);
    expect(afterIndexDamage.stderr).toContain(`[warn] the index snapshot ${path} is damaged (its index does not match its checksum): rebuilding it from the corpus`);

    // Damage in the bodies, found when the answer reads them: read again from the corpus, and the snapshot removed.
    for (const body of snapshotLayout(path).bodies) flipBytes(path, body);
    const afterBodyDamage = await ask();
    expect(afterBodyDamage.code).toBe(0);
    expect(afterBodyDamage.stdout).toBe(intact.stdout);
    expect(afterBodyDamage.stderr).toMatch(new RegExp(`\\[warn\\] the index snapshot ${path.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')} is damaged \\(the text of .*\\): it was removed, so that the next start rebuilds it`, 'u'));
    expect(existsSync(path)).toBe(false);

    const rebuilt = await ask();
    expect(rebuilt.stdout).toBe(intact.stdout);
    expect(rebuilt.stderr).not.toContain('damaged');
    expect(existsSync(path)).toBe(true);
  });
});
