import type { BeirDocument } from './beir';

/** A search engine under benchmark: ours or a peer, fed the same documents and queries. */
export interface Retriever {
  readonly name: string;
  index(documents: readonly BeirDocument[]): void | Promise<void>;
  /** Document ids, best first, at most `limit`. */
  search(query: string, limit: number): string[] | Promise<string[]>;
}
