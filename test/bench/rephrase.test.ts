import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rephrase } from '../../bench/qa/rephrase';

describe('questions rephrased as other users would type them', () => {
  const question = 'What did Putin demand about Kursk before any negotiations?';

  it('are the same on every run', () => {
    expect(rephrase(question, 'typo', 7)).toBe(rephrase(question, 'typo', 7));
    expect(rephrase(question, 'chat', 7)).toBe(rephrase(question, 'chat', 7));
  });

  it('mistype one word of five letters or more, by one edit', () => {
    for (let seed = 0; seed < 20; seed++) {
      const typed = rephrase(question, 'typo', seed).split(' ');
      const changed = question.split(' ').filter((word, i) => word !== typed[i]);
      expect(changed).toHaveLength(1);
      expect(changed[0]!.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('as chat: lower case, no question mark, around it chat words that Parley’s filler list does not hold', () => {
    const listed = new Set((parse(readFileSync('config/question-words.yml', 'utf8')) as string[]).map((w) => w.toLowerCase()));
    for (let seed = 0; seed < 20; seed++) {
      const chat = rephrase(question, 'chat', seed);
      expect(chat).toContain('what did putin demand about kursk before any negotiations');
      expect(chat).not.toMatch(/[?A-Z]/u);
      const around = chat.replace('what did putin demand about kursk before any negotiations', ' ').split(/\s+/u).filter(Boolean);
      for (const word of around) expect(listed.has(word), word).toBe(false);
    }
  });
});
