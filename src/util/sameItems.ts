/** Whether two lists hold the same objects in the same order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  // The ends first: lists that differ mostly differ there (an article added, another party's list).
  if (a.length !== b.length || a[0] !== b[0] || a.at(-1) !== b.at(-1)) return false;
  for (let i = 1; i < a.length - 1; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One value per list of items: built for a new list, the same object again while the list is
 * unchanged. A caller arriving while the value is still being built waits for the same build.
 */
export class PerList<Item, Value> {
  #known: { items: readonly Item[]; value: Promise<Value> } | null = null;

  get(items: readonly Item[], build: () => Promise<Value>): Promise<Value> {
    const known = this.#known;
    if (known && sameItems(known.items, items)) return known.value;
    const building = { items: [...items], value: build() };
    this.#known = building;
    // A failed build is forgotten, so that the next caller tries again.
    building.value.catch(() => {
      if (this.#known === building) this.#known = null;
    });
    return building.value;
  }
}
