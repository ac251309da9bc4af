import { describe, expect, it } from 'vitest';
import { Digests } from '../../src/digest/digests';
import { silentLogger } from '../../src/log';
import { seedCorpusLibrary, TEST_DIGEST_OPTIONS } from '../helpers/fixtures';
import { storageBackends } from '../helpers/storageBackends';

const now = new Date('2025-03-21T06:00:00Z');
const channel = { platform: 'slack', channelId: 'C0DATA' };

describe.each(storageBackends())('Digests, with $name', (backend) => {
  it('answers with data, for the command to put into words', async () => {
    const digests = new Digests(await backend.open(), seedCorpusLibrary(), TEST_DIGEST_OPTIONS, silentLogger, () => now);
    expect(await digests.status(channel)).toBeNull();
    const { subscription, next } = await digests.subscribe(channel, { time: '08:00', timezone: 'Europe/Berlin' }, 'U1');
    expect(subscription).toMatchObject({ ...channel, time: '08:00', timezone: 'Europe/Berlin', createdBy: 'U1', pausedReason: null });
    expect(next).toEqual(new Date('2025-03-21T07:00:00Z'));
    expect(await digests.status(channel)).toEqual({ subscription, next, last: null });
    expect(await digests.preview(channel)).toMatchObject({ command: 'digest', title: 'Parley daily digest — 2025-03-21' });
    expect(await digests.unsubscribe(channel)).toBe(true);
    expect(await digests.unsubscribe(channel)).toBe(false);
  });
});
