import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Where file bytes live: local disk for the embedded default, an S3-compatible bucket when configured.
 * Keys are server-generated, never user input; every driver still refuses keys that could escape its root.
 */
export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  /** The object's bytes, or undefined when there is none under that key. */
  get(key: string): Promise<Buffer | undefined>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** Releases connections, if the driver holds any. */
  close?(): Promise<void>;
}

export class StorageKeyError extends Error {
  constructor() {
    super('storage key escapes the storage root');
  }
}

const KEY_SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._-]+$/;

/** "/"-separated segments of letters, digits, ".", "_" and "-"; no empty, "." or ".." segments. */
export function assertStorageKey(key: string): void {
  if (key.length > 512 || !key.split('/').every((segment) => KEY_SEGMENT.test(segment))) {
    throw new StorageKeyError();
  }
}

export function localStorage(root: string): Storage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    assertStorageKey(key);
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) throw new StorageKeyError();
    return path;
  };
  return {
    async put(key, data) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, data);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        return await readFile(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        // A directory is only a shared key prefix, not an object.
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
        throw error;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      try {
        await rm(path, { force: true });
      } catch (error) {
        // rm on a directory (a key prefix, not an object) fails; there is no object to delete.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ERR_FS_EISDIR' && code !== 'EISDIR' && code !== 'ENOTDIR') throw error;
      }
    },
  };
}
