import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSettings, SettingsError } from '../src/settings';

describe('parseSettings', () => {
  it('has working defaults', () => {
    expect(parseSettings({}, '/srv/parley')).toEqual({
      corpusDir: resolve('/srv/parley/corpus'),
      configDir: resolve('/srv/parley/config'),
      dataDir: resolve('/srv/parley/data'),
      useSnapshot: true,
      logLevel: 'info',
      secrets: [],
    });
  });

  it('reads values and treats empty ones as unset', () => {
    const settings = parseSettings({ PARLEY_DATA_DIR: '/var/lib/parley', PARLEY_SNAPSHOT: 'false', PARLEY_LOG_LEVEL: '' }, '/srv');
    expect(settings).toMatchObject({ dataDir: '/var/lib/parley', useSnapshot: false, logLevel: 'info' });
  });

  it('names a bad setting', () => {
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(SettingsError);
    expect(() => parseSettings({ PARLEY_SNAPSHOT: 'maybe' })).toThrow(/^Setting PARLEY_SNAPSHOT is invalid: .* \(got "maybe"\)\.$/u);
  });
});
