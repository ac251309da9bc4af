import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/fixtures';

/** No container engine runs here, so the Dockerfile is checked against the tree it builds from. */
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n/gu, ' ')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));
const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').filter(Boolean);

describe('the Dockerfile', () => {
  it('copies only paths that exist and that .dockerignore lets through', () => {
    const copied = instructions.filter((line) => /^COPY\s/u.test(line) && !line.includes('--from=')).flatMap((line) => line.split(/\s+/u).slice(1, -1));
    expect(copied.length).toBeGreaterThan(3);
    for (const path of copied) {
      expect(existsSync(join(ROOT, path)), path).toBe(true);
      expect(dockerignore, path).not.toContain(path);
    }
  });

  it('runs the compiled entry point as a non-root user, with corpus and data as volumes', () => {
    expect(instructions).toContain('FROM node:20-slim AS build');
    expect(instructions).toContain('USER node');
    expect(instructions).toContain('VOLUME ["/app/corpus", "/app/data"]');
    const command = JSON.parse(instructions.find((line) => line.startsWith('CMD '))!.slice(4)) as string[];
    expect(command.at(-1)).toBe('dist/src/main.js');
    const start = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
    expect(start).toContain(command.at(-1));
  });

  it('wires the health check to /healthz on the port it sets and exposes', () => {
    const port = /PARLEY_HEALTH_PORT=(\d+)/u.exec(dockerfile)?.[1];
    expect(port).toBeDefined();
    expect(instructions).toContain(`EXPOSE ${port}`);
    expect(instructions.find((line) => line.startsWith('HEALTHCHECK'))).toContain(`http://127.0.0.1:${port}/healthz`);
  });
});

describe('compose.yaml', () => {
  it('builds this Dockerfile, reads .env and keeps corpus and data in volumes', () => {
    const compose = parse(readFileSync(join(ROOT, 'compose.yaml'), 'utf8')) as { services: { parley: Record<string, unknown> } };
    const parley = compose.services.parley;
    expect(parley.build).toBe('.');
    expect(parley.env_file).toBe('.env');
    expect(parley.volumes).toEqual(['parley-corpus:/app/corpus', 'parley-data:/app/data']);
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toMatch(/^SLACK_APP_TOKEN=/mu);
  });
});
