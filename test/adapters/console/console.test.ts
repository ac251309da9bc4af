import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../../src/adapters/console/console';
import { errorLineSchema, replySchema } from '../../../src/core/reply';
import { articleFile, corpusCopy, seedParley } from '../../helpers/fixtures';
import { runBot } from '../../helpers/runBot';

async function runInProcess(argv: string[], input = '', isTTY = false) {
  const stdin = Object.assign(new PassThrough(), { isTTY });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  stdin.end(input);
  const code = await runConsole(await seedParley(), argv, { input: stdin, output: stdout, errors: stderr });
  return { code, out, err };
}

describe('console adapter', () => {
  it('answers one question and prints its sources', async () => {
    const { code, out } = await runInProcess(['ask', 'What did Zelensky say about sanctions?']);
    expect(code).toBe(0);
    expect(out).toContain('Zelensky has cautiously welcomed the energy pause but demanded U.S. oversight and automatic sanctions should Russia violate terms. [1]');
    expect(out).toMatch(/Sources:\n\[1(, \d)*\] Trump’s Ceasefire Push Meets Putin’s Caution — unknown \(seed article\), 2025-03-20 \(date estimated\)/u);
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await runInProcess(['ask', 'Who attacks Odesa?', '--json']);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(replySchema.parse(JSON.parse(out))).toMatchObject({ command: 'ask' });
  });

  it('reports bad one-shot input on stderr with a non-zero exit code', async () => {
    const { code, out, err } = await runInProcess(['ask', 'x'.repeat(301)]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('The question is too long: 301 characters, the limit is 300.');
  });

  it('answers piped commands one JSON line each, in order, errors included', async () => {
    const input = ['/ask What did von der Leyen say?', '# a comment', '', '/nope', 'sources', '/ask'].join('\n');
    const { code, out } = await runInProcess(['--json'], input);
    expect(code).toBe(0);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toHaveLength(4);
    expect(replySchema.parse(lines[0])).toMatchObject({ command: 'ask' });
    expect(errorLineSchema.parse(lines[1])).toMatchObject({ error: { code: 'unknown_command' } });
    expect(replySchema.parse(lines[2])).toMatchObject({ command: 'sources' });
    expect(errorLineSchema.parse(lines[3])).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('runs an interactive session until /quit', async () => {
    const { code, out } = await runInProcess([], '/help\n/quit\n/ask What did von der Leyen say?\n', true);
    expect(code).toBe(0);
    expect(out).toContain('parley> ');
    expect(out).toContain('/ask <question>');
    expect(out).not.toContain('steel porcupine');
  });
});

describe('npm start, as a process', () => {
  it('answers a one-shot question', async () => {
    const run = await runBot(['ask', 'What did Putin say about the 30-day ceasefire?']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('conditional support for the 30-day cease-fire proposal');
    expect(run.stdout).toContain('[1]');
  });

  it('abstains on a question the corpus does not support', async () => {
    const run = await runBot(['ask', 'Who won the football world cup?', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ abstained: true, citations: [] });
  });

  it('reads questions from a pipe as JSON Lines', async () => {
    const run = await runBot(['--json'], { stdin: 'ask What did Putin demand about Kursk?\nask\nask Who attacks Odesa?\n' });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => ('error' in l ? 'error' : l.command))).toEqual(['ask', 'error', 'ask']);
  });

  it('reports a broken corpus file by name and still answers from the others', async () => {
    const corpus = corpusCopy({ 'broken-article.md': articleFile({ title: 'No date', source: 'Test' }, 'Text.') });
    const run = await runBot(['ask', 'What did Zelensky say about sanctions?'], { env: { PARLEY_CORPUS_DIR: corpus } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('corpus file broken-article.md skipped: published: missing');
    expect(run.stdout).toContain('automatic sanctions');
  });

  it('stops with the name of a bad setting', async () => {
    const run = await runBot(['help'], { env: { PARLEY_LOG_LEVEL: 'loud' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Setting PARLEY_LOG_LEVEL is invalid');
  });
});
