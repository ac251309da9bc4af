/** An append-only Uint32Array that doubles its capacity as it fills: compact storage for large numeric tables. */
export class GrowableUint32Array {
  #data: Uint32Array = new Uint32Array(1024);
  #length = 0;

  /** An array over saved contents, which it takes over without copying (it copies them once it must grow). */
  static adopt(contents: Uint32Array): GrowableUint32Array {
    const array = new GrowableUint32Array();
    array.#data = contents;
    array.#length = contents.length;
    return array;
  }

  get length(): number {
    return this.#length;
  }

  get(index: number): number {
    return this.#data[index]!;
  }

  set(index: number, value: number): void {
    this.#ensure(index + 1);
    this.#data[index] = value;
    if (index >= this.#length) this.#length = index + 1;
  }

  push(value: number): void {
    this.#ensure(this.#length + 1);
    this.#data[this.#length++] = value;
  }

  /** Drops the spare capacity (the next push grows it again). */
  trim(): void {
    if (this.#data.length > this.#length) this.#data = this.#data.slice(0, this.#length);
  }

  /** The live contents, without copying (valid until the next push). */
  view(): Uint32Array {
    return this.#data.subarray(0, this.#length);
  }

  #ensure(length: number): void {
    if (length <= this.#data.length) return;
    let capacity = Math.max(this.#data.length, 1024);
    while (capacity < length) capacity *= 2;
    const grown = new Uint32Array(capacity);
    grown.set(this.#data.subarray(0, this.#length));
    this.#data = grown;
  }
}
