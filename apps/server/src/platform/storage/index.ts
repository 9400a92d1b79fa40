import type { Config } from '../../config.ts';
import { s3Storage } from './s3-storage.ts';
import { localStorage, type Storage } from './storage.ts';

export { type S3StorageOptions, s3Storage } from './s3-storage.ts';
export { assertStorageKey, localStorage, type Storage, StorageKeyError } from './storage.ts';

/** The configured driver: local disk by default, an S3-compatible bucket with STORAGE_DRIVER=s3. */
export function createStorage(config: Pick<Config, 'storageDriver' | 'storageDir' | 's3'>): Storage {
  if (config.storageDriver === 's3') {
    if (config.s3 === undefined) throw new Error('STORAGE_DRIVER is "s3" but the S3 settings are missing');
    return s3Storage(config.s3);
  }
  return localStorage(config.storageDir);
}
