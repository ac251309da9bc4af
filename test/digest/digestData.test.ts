import { describe, expect, it } from 'vitest';
import { Digests } from '../../src/digest/digests';
import { silentLogger } from '../../src/log';
import { openDatabase } from '../../src/store/database';
import { seedCorpusLibrary, TEST_DIGEST_OPTIONS, temporaryDir } from '../helpers/fixtures';

const now = new Date('2025-03-21T06:00:00Z');
const channel = { platform: 'slack', channelId: 'C0DATA' };

describe('Digests', () => {
  it('answers with data, for the command to put into words', () => {
    const digests = new Digests(openDatabase(temporaryDir()), seedCorpusLibrary(), TEST_DIGEST_OPTIONS, silentLogger, () => now);
    expect(digests.status(channel)).toBeNull();
    const { subscription, next } = digests.subscribe(channel, { time: '08:00', timezone: 'Europe/Berlin' }, 'U1');
    expect(subscription).toMatchObject({ ...channel, time: '08:00', timezone: 'Europe/Berlin', createdBy: 'U1', pausedReason: null });
    expect(next).toEqual(new Date('2025-03-21T07:00:00Z'));
    expect(digests.status(channel)).toEqual({ subscription, next, last: null });
    expect(digests.preview(channel)).toMatchObject({ command: 'digest', title: 'Parley daily digest — 2025-03-21' });
    expect(digests.unsubscribe(channel)).toBe(true);
    expect(digests.unsubscribe(channel)).toBe(false);
  });
});
