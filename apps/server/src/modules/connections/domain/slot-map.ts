/** Dense integer slots for string ids, so the proximity index can key typed arrays by them; freed slots are reused. */
export class SlotMap {
  readonly #slots = new Map<string, number>();
  readonly #names: Array<string | undefined> = [];
  readonly #free: number[] = [];

  /** The id's slot, allocating one if it has none. */
  acquire(id: string): number {
    const existing = this.#slots.get(id);
    if (existing !== undefined) return existing;
    const slot = this.#free.pop() ?? this.#names.length;
    this.#slots.set(id, slot);
    this.#names[slot] = id;
    return slot;
  }

  /** The id's slot, if it has one. */
  slotOf(id: string): number | undefined {
    return this.#slots.get(id);
  }

  /** The id in a slot, if it is taken. */
  nameOf(slot: number): string | undefined {
    return this.#names[slot];
  }

  /** Frees the id's slot for reuse. */
  release(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    this.#slots.delete(id);
    this.#names[slot] = undefined;
    this.#free.push(slot);
  }

  /** How many ids hold a slot. */
  get size(): number {
    return this.#slots.size;
  }
}
