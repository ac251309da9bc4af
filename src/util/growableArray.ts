/** An append-only Uint32Array that doubles its capacity as it fills: compact storage for large numeric tables. */
export class GrowableUint32Array {
  #data = new Uint32Array(1024);
  #length = 0;

  /** An array holding a copy of saved contents. */
  static from(contents: Uint32Array): GrowableUint32Array {
    const array = new GrowableUint32Array();
    array.#ensure(contents.length);
    array.#data.set(contents);
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

  /** The live contents, without copying (valid until the next push). */
  view(): Uint32Array {
    return this.#data.subarray(0, this.#length);
  }

  #ensure(length: number): void {
    if (length <= this.#data.length) return;
    let capacity = this.#data.length;
    while (capacity < length) capacity *= 2;
    const grown = new Uint32Array(capacity);
    grown.set(this.#data.subarray(0, this.#length));
    this.#data = grown;
  }
}
