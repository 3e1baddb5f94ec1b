/**
 * Where the SDK keeps drafts on the device: `local` (localStorage, the default — survives
 * closing the tab, so a citizen can come back tomorrow), `session` (sessionStorage — gone when
 * the tab closes, for shared computers), `none`, or any object with the Web Storage methods.
 */
export type StorageChoice = 'local' | 'session' | 'none' | Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A JSON view of a Web Storage that never throws: private modes, full quotas and disabled storage just report failure. */
export interface SafeStorage {
  readonly available: boolean;
  read<T>(key: string): T | undefined;
  /** False when the value could not be written (no storage, quota exceeded). */
  write(key: string, value: unknown): boolean;
  remove(key: string): void;
}

/**
 * Opens the chosen storage, probing that it really works (Safari's private mode and some web
 * views throw on the first write).
 * @example const store = openStorage('local'); store.write('k', { a: 1 }); store.read('k') // { a: 1 }
 */
export function openStorage(choice: StorageChoice = 'local'): SafeStorage {
  let backend: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
  try {
    backend = choice === 'none' ? undefined : choice === 'local' ? globalThis.localStorage : choice === 'session' ? globalThis.sessionStorage : choice;
    if (backend) {
      const probe = '__onething_probe__';
      backend.setItem(probe, '1');
      backend.removeItem(probe);
    }
  } catch {
    backend = undefined;
  }
  return {
    available: backend !== undefined,
    read<T>(key: string): T | undefined {
      try {
        const raw = backend?.getItem(key);
        return raw ? (JSON.parse(raw) as T) : undefined;
      } catch {
        return undefined;
      }
    },
    write(key, value) {
      if (!backend) return false;
      try {
        backend.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        return false;
      }
    },
    remove(key) {
      try {
        backend?.removeItem(key);
      } catch {
        // nothing to do: the entry cannot be there either
      }
    },
  };
}
