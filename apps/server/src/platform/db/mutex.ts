/** A FIFO lock: `run` calls wait for each other, one at a time. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();

  /** Waits for the lock; the returned function releases it. */
  acquire(): Promise<() => void> {
    let release: () => void = () => {};
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}
