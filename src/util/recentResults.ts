import { sameItems } from './sameItems';

/**
 * Results of a function of a list, kept for the last lists it was given, up to a number of
 * items over all of them, least recently used dropped first. A list is recognised by its
 * items (the same objects in the same order), not by its identity, so a list filtered anew
 * from the same items finds its result again: comparing items costs far less than the work
 * the result stands for.
 */
export class RecentResults<Item, Result> {
  /** Oldest use first. Each list is copied: a caller changing its own list later changes nothing here. */
  readonly #kept: { items: readonly Item[]; result: Result }[] = [];
  #itemsKept = 0;

  constructor(private readonly maxItems: number) {}

  get(items: readonly Item[]): Result | undefined {
    const index = this.#kept.findIndex((kept) => sameItems(kept.items, items));
    if (index < 0) return undefined;
    const [found] = this.#kept.splice(index, 1);
    this.#kept.push(found!);
    return found!.result;
  }

  set(items: readonly Item[], result: Result): void {
    if (items.length > this.maxItems) return;
    while (this.#itemsKept + items.length > this.maxItems) this.#itemsKept -= this.#kept.shift()!.items.length;
    this.#kept.push({ items: [...items], result });
    this.#itemsKept += items.length;
  }
}
