/**
 * Items that arrive one by one, taken in batches of whatever has arrived: a taker waits only while
 * the queue is empty, so batching adds no latency when traffic is light and amortises work when it is not.
 */
export class BatchQueue<T> {
  readonly #items: T[] = [];
  #closed = false;
  #wake: (() => void) | undefined;

  /** Adds an item (ignored once closed). */
  push(item: T): void {
    if (this.#closed) return;
    this.#items.push(item);
    this.#wake?.();
  }

  /** Resolves with up to `max` items, oldest first, waiting for at least one; with none once closed. */
  async take(max: number): Promise<T[]> {
    while (this.#items.length === 0 && !this.#closed) await new Promise<void>((resolve) => (this.#wake = resolve));
    this.#wake = undefined;
    return this.#items.splice(0, max);
  }

  /** Stops taking: a waiting taker gets an empty batch; returns what was still queued. */
  close(): T[] {
    this.#closed = true;
    this.#wake?.();
    return this.#items.splice(0);
  }
}
