import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationSchema, replySchema } from '../src/core/reply';
import { settingsSchema } from '../src/settings';
import { ROOT } from './helpers/fixtures';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const envExample = readFileSync(join(ROOT, '.env.example'), 'utf8');

describe('README and .env.example', () => {
  it('document every field of the JSON reply', () => {
    for (const field of [...Object.keys(replySchema.shape), ...Object.keys(citationSchema.shape)]) {
      expect(readme, `README lacks \`${field}\``).toContain(field);
    }
  });

  it('document every setting', () => {
    for (const setting of Object.keys(settingsSchema.shape)) {
      expect(readme, `README lacks ${setting}`).toContain(`\`${setting}\``);
      expect(envExample, `.env.example lacks ${setting}`).toMatch(new RegExp(`^${setting}=`, 'mu'));
    }
  });

  it('gives the test command that CI runs', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(readme).toContain('npm ci && npm test');
    expect(ci).toMatch(/^npm ci\nnpm test$/mu);
  });
});
