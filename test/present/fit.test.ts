import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, escapeText } from '../../src/adapters/slack/escape';
import { cutPiece, splitText, truncate } from '../../src/present/fit';

/** Fitting text as Slack does: the budget counts the escaped text, and pieces that follow one another carry no mark. */
const truncateEscaped = (text: string, budget: number) => truncate(text, budget, escapeMrkdwn);
const splitEscaped = (text: string, budget: number) => splitText(text, budget, { escape: escapeMrkdwn, marked: false });

describe('fitting plain text', () => {
  const text = 'The first sentence is here. The second one follows it, with a comma. A third.';

  it('cuts after a sentence when one ends near the limit', () => {
    expect(cutPiece(text, 40)).toEqual(['The first sentence is here.…', 'The second one follows it, with a comma. A third.']);
    expect(truncate(text, 1000)).toBe(text);
  });

  it('splits into pieces within the limit that together keep every word', () => {
    const pieces = splitText(text.repeat(20), 90);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(90);
    expect(pieces.slice(0, -1).every((p) => p.endsWith('…'))).toBe(true);
    expect(pieces.join(' ').replaceAll('…', '').split(/\s+/u)).toEqual(text.repeat(20).split(/\s+/u));
  });

  it('never cuts an emoji in half', () => {
    const [piece] = cutPiece('🇺🇦'.repeat(10), 6);
    expect(piece).toBe('🇺🇦…');
  });
});

const sentence = (i: number) => `Sentence ${i} says that Russia & Ukraine <agreed> to talk. `;

describe('truncateEscaped', () => {
  it('leaves text that fits as it is, escaped', () => {
    expect(truncateEscaped('A & B', 9)).toBe('A &amp; B');
  });

  it('cuts at a word with a visible ellipsis, counting the escaped length', () => {
    const cut = truncateEscaped('Moscow & Kyiv agreed to a partial ceasefire', 20);
    expect(cut).toBe('Moscow &amp; Kyiv…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('never cuts an entity in two', () => {
    const cut = truncateEscaped('&&&&&&&&', 12);
    expect(cut).toBe('&amp;&amp;…');
  });
});

describe('splitEscaped', () => {
  it('keeps every character, in order, within the budget', () => {
    const text = Array.from({ length: 200 }, (_, i) => sentence(i)).join('');
    const pieces = splitEscaped(text, 500);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(500);
    expect(pieces.join(' ').replace(/\s+/gu, ' ')).toBe(escapeText(text).trim().replace(/\s+/gu, ' '));
  });

  it('breaks at paragraphs, then sentences, before words', () => {
    const paragraphs = ['First paragraph. '.repeat(10).trim(), 'Second paragraph. '.repeat(10).trim()];
    expect(splitEscaped(paragraphs.join('\n\n'), 200)).toEqual(paragraphs);
    const pieces = splitEscaped(Array.from({ length: 20 }, (_, i) => sentence(i)).join(''), 300);
    for (const piece of pieces) expect(piece).toMatch(/\.$/u);
  });

  it('cuts a word longer than the budget', () => {
    expect(splitEscaped('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('gives nothing for empty text (Slack refuses empty text objects)', () => {
    expect(splitEscaped('  \n ', 100)).toEqual([]);
  });
});
