import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * `npm run build` (also run by `npm ci`, as `prepare`): compiles the entry points and the
 * command modules to `dist/`, keeping the source layout (`dist/src/main.js`,
 * `dist/commands/ask.js`), so the command loader finds `commands/` beside the code in either.
 * Packages stay external (installed in node_modules, native addons included), and code
 * shared between entry points goes to `dist/chunks/`. Dynamic imports stay dynamic: the
 * platform adapters and ingestion are loaded only by a run that needs them.
 */
const ENTRY_POINTS = [
  'src/main.ts',
  'scripts/ingest.ts',
  'scripts/register-discord.ts',
  'scripts/slack-manifest.ts',
  'scripts/print-schema.ts',
  ...readdirSync('commands')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `commands/${file}`),
];

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ENTRY_POINTS,
  outdir: 'dist',
  outbase: '.',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
