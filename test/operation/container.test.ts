import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseSettings } from '../../src/settings';
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
    // The same command as `npm start`, Node options included (the benchmarks serve with those).
    expect(start).toBe(command.join(' '));
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

interface ComposeService {
  build?: string;
  image?: string;
  env_file?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

describe('compose.postgres.yaml', () => {
  const text = readFileSync(join(ROOT, 'compose.postgres.yaml'), 'utf8');
  // Compose's own `<<: *anchor` merge keys, and the password from .env as compose interpolates it.
  const compose = parse(text.replaceAll('${POSTGRES_PASSWORD}', 'pw'), { merge: true }) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
  const replicas = Object.entries(compose.services).filter(([name]) => name.startsWith('parley'));

  it('starts the official Postgres with a health check and a password it requires from .env', () => {
    const db = compose.services.db!;
    expect(db.image).toMatch(/^postgres:\d+$/u);
    expect(db.environment).toMatchObject({ POSTGRES_USER: 'parley', POSTGRES_DB: 'parley', POSTGRES_PASSWORD: expect.stringMatching(/^\$\{POSTGRES_PASSWORD:\?/u) as unknown });
    expect(db.healthcheck!.test).toEqual(['CMD', 'pg_isready', '--username=parley', '--dbname=parley']);
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toMatch(/^POSTGRES_PASSWORD=$/mu);
  });

  it('runs two replicas of this Dockerfile on that database once it is healthy, each with its own health port and data volume', () => {
    expect(replicas.length).toBe(2);
    for (const [name, replica] of replicas) {
      expect(replica.build, name).toBe('.');
      expect(replica.env_file, name).toBe('.env');
      expect(replica.depends_on, name).toEqual({ db: { condition: 'service_healthy' } });
      expect(parseSettings(replica.environment!).databaseUrl, name).toBe('postgres://parley:pw@db:5432/parley');
      expect(replica.ports, name).toEqual([`127.0.0.1:${8081 + replicas.findIndex(([other]) => other === name)}:${replica.environment!.PARLEY_HEALTH_PORT}`]);
      expect(replica.volumes, name).toEqual(['parley-corpus:/app/corpus', `${name}-data:/app/data`]);
    }
    for (const volume of replicas.flatMap(([, replica]) => replica.volumes!.map((mount) => mount.split(':')[0]!))) expect(compose.volumes).toHaveProperty(volume);
  });

  it("gives the replicas Discord's shards between them, each exactly once", () => {
    const shards = replicas.map(([, replica]) => parseSettings({ ...replica.environment!, DISCORD_TOKEN: 'token' }).discord);
    const count = shards[0]!.mode === 'gateway' ? shards[0]!.shards!.count : 0;
    expect(count).toBe(replicas.length);
    const ids = shards.flatMap((discord) => (discord!.mode === 'gateway' ? discord!.shards!.ids : []));
    expect(ids.sort()).toEqual(Array.from({ length: count }, (_, id) => id));
  });
});
