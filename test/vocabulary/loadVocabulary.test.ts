import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVocabulary, VocabularyError } from '../../src/vocabulary/loadVocabulary';
import { CONFIG_DIR, temporaryDir } from '../helpers/fixtures';

describe('loadVocabulary', () => {
  it('loads the parties, spellings and question words in config/', () => {
    const vocabulary = loadVocabulary(CONFIG_DIR);
    expect(vocabulary.parties.map((p) => p.id)).toEqual(['russia', 'ukraine', 'united-states', 'europe']);
    expect(vocabulary.parties[0]!.names).toContain('Kremlin');
    expect(vocabulary.spellings.length).toBeGreaterThan(3);
    expect(vocabulary.thesaurus).toContainEqual(expect.arrayContaining(['energy infrastructure', 'power plants']));
    expect(vocabulary.questionFrames.find((f) => f.expects === 'duration')).toMatchObject({ strict: true, frames: expect.arrayContaining(['how long']) });
  });

  it('refuses a thesaurus group of one phrase, naming where it is', () => {
    const dir = temporaryDir();
    cpSync(CONFIG_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'thesaurus.yml'), '- [truce, ceasefire]\n- [lonely]\n');
    expect(() => loadVocabulary(dir)).toThrow(/thesaurus\.yml: 1: a group needs at least two phrases/u);
  });

  it('names the file and the field of a mistake', () => {
    const dir = temporaryDir();
    cpSync(CONFIG_DIR, dir, { recursive: true });
    writeFileSync(join(dir, 'parties.yml'), '- id: Russia!\n  name: Russia\n  names: [Russia]\n');
    expect(() => loadVocabulary(dir)).toThrow(VocabularyError);
    expect(() => loadVocabulary(dir)).toThrow(/parties\.yml: 0\.id: must be lowercase/u);
  });
});
