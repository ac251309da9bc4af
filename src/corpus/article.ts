/** The corpus as the rest of Parley sees it: articles split into citable passages and sentences. */

export interface ArticleMeta {
  title: string;
  source: string;
  /** ISO date, YYYY-MM-DD. */
  published: string;
  /** True when `published` was inferred from the text rather than stated by the publisher. */
  publishedEstimated: boolean;
  url: string | null;
  author: string | null;
  perspective: string | null;
  tags: string[];
}

export interface Article extends ArticleMeta {
  /** Stable id: the file name without its extension. */
  id: string;
  /** Path relative to the corpus folder. */
  file: string;
  passages: Passage[];
}

export interface Passage {
  articleId: string;
  /** Position of the passage in its article, from 0. */
  index: number;
  /** The section heading the passage sits under, if the article has one. */
  heading: string | null;
  sentences: Sentence[];
}

export interface Sentence {
  /** Verbatim article text (surrounding whitespace trimmed). */
  text: string;
  /** True for an item of a list introduced by the passage's first sentence. */
  listItem: boolean;
}

export const passageText = (passage: Passage): string => passage.sentences.map((s) => s.text).join(' ');
