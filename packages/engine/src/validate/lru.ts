/**
 * A least-recently-used map with a fixed capacity: reading an entry refreshes it, adding one
 * beyond capacity evicts the stalest and reports it to `onEvict`.
 * @example const lru = new Lru<string, number>(2, (k) => console.log('evicted', k))
 */
export class Lru<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(
    readonly max: number,
    private readonly onEvict: (key: K, value: V) => void = () => {},
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Stores an entry; returns false (and stores nothing) when the capacity is 0. */
  set(key: K, value: V): boolean {
    if (this.max <= 0) return false;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    while (this.#entries.size > this.max) {
      const [oldest, old] = this.#entries.entries().next().value as [K, V];
      this.#entries.delete(oldest);
      this.onEvict(oldest, old);
    }
    return true;
  }

  clear(): void {
    for (const [key, value] of this.#entries) this.onEvict(key, value);
    this.#entries.clear();
  }
}
