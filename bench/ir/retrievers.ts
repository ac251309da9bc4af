import { CONFIG_DIR } from '../common/paths';
import { loadVocabulary } from '../../src/vocabulary/loadVocabulary';
import { ParleyRetriever } from './parley';
import { peerRetrievers } from './peers';
import type { Retriever } from './retriever';

/** Parley first, then the peers it is compared with. */
export const RETRIEVER_NAMES = ['parley', ...peerRetrievers().map((peer) => peer.name)] as const;

export function retrieverNamed(name: string): Retriever {
  // Parley runs with the bot's own vocabulary (config/): the engine exactly as shipped.
  if (name === 'parley') return new ParleyRetriever(loadVocabulary(CONFIG_DIR));
  const peer = peerRetrievers().find((p) => p.name === name);
  if (!peer) throw new Error(`unknown engine ${name}: expected one of ${RETRIEVER_NAMES.join(', ')}`);
  return peer;
}
