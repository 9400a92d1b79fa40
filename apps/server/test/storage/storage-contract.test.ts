import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createStorage, type Storage, StorageKeyError } from '../../src/platform/storage/index.ts';
import { type S3Server, startS3Server } from './s3-server.ts';

interface Driver {
  storage: Storage;
  /** The same store one level up (the parent of the root, or the whole bucket), to see where objects land. */
  outside: Storage;
  /** Where a key of `storage` lands in `outside`. */
  landed(key: string): string;
  close(): Promise<void>;
}

async function localDriver(): Promise<Driver> {
  const dir = mkdtempSync(join(tmpdir(), 'atrium-storage-'));
  const storage = createStorage(
    loadConfig({ ATRIUM_DATA_DIR: dir, STORAGE_DIR: join(dir, 'files', 'root') }),
  );
  const outside = createStorage(loadConfig({ ATRIUM_DATA_DIR: dir, STORAGE_DIR: join(dir, 'files') }));
  return {
    storage,
    outside,
    landed: (key) => `root/${key}`,
    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function s3Driver(prefix: string): Promise<Driver> {
  const server: S3Server = await startS3Server();
  const dir = mkdtempSync(join(tmpdir(), 'atrium-storage-'));
  const storage = createStorage(loadConfig({ ATRIUM_DATA_DIR: dir, ...server.env, S3_PREFIX: prefix }));
  const outside = createStorage(loadConfig({ ATRIUM_DATA_DIR: dir, ...server.env }));
  return {
    storage,
    outside,
    landed: (key) => (prefix === '' ? key : `${prefix}/${key}`),
    async close() {
      await storage.close?.();
      await outside.close?.();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const drivers: [string, () => Promise<Driver>][] = [
  ['local disk', localDriver],
  ['S3 (s3rver)', () => s3Driver('')],
  ['S3 (s3rver) under a key prefix', () => s3Driver('tenants/acme')],
];

describe.each(drivers)('storage contract: %s', (_name, open) => {
  let driver: Driver;
  let storage: Storage;
  beforeAll(async () => {
    driver = await open();
    storage = driver.storage;
  });
  afterAll(async () => {
    await driver.close();
  });

  it('returns what was put, under the driver’s root or prefix', async () => {
    await storage.put('objects/one.txt', Buffer.from('hello'));
    expect((await storage.get('objects/one.txt'))?.toString()).toBe('hello');
    expect((await driver.outside.get(driver.landed('objects/one.txt')))?.toString()).toBe('hello');
  });

  it('overwrites an existing key', async () => {
    await storage.put('objects/two.txt', Buffer.from('first'));
    await storage.put('objects/two.txt', Buffer.from('second, longer'));
    expect((await storage.get('objects/two.txt'))?.toString()).toBe('second, longer');
  });

  it('deletes, idempotently', async () => {
    await storage.put('objects/three.txt', Buffer.from('bye'));
    await storage.delete('objects/three.txt');
    expect(await storage.get('objects/three.txt')).toBeUndefined();
    await expect(storage.delete('objects/three.txt')).resolves.toBeUndefined();
    await expect(storage.delete('never/existed.bin')).resolves.toBeUndefined();
  });

  it('answers undefined for a missing key', async () => {
    expect(await storage.get('missing/nothing-here.bin')).toBeUndefined();
  });

  it('round-trips every byte value and an empty object', async () => {
    const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(4096)]);
    await storage.put('binary/all-bytes.bin', bytes);
    const back = await storage.get('binary/all-bytes.bin');
    expect(back).toBeInstanceOf(Buffer);
    expect(back?.equals(bytes)).toBe(true);
    await storage.put('binary/empty.bin', Buffer.alloc(0));
    expect((await storage.get('binary/empty.bin'))?.length).toBe(0);
  });

  it('stores a ~5 MB object intact', async () => {
    const big = randomBytes(5 * 1024 * 1024 + 123);
    await storage.put('large/five-mb.bin', big);
    const back = await storage.get('large/five-mb.bin');
    expect(back?.length).toBe(big.length);
    expect(back?.equals(big)).toBe(true);
  });

  it('keeps keys with slashes apart, and a key prefix is not an object', async () => {
    await storage.put('a/b/c.bin', Buffer.from('deep'));
    await storage.put('a/b/d.bin', Buffer.from('sibling'));
    await storage.put('a/b.c/e.bin', Buffer.from('dotted'));
    expect((await storage.get('a/b/c.bin'))?.toString()).toBe('deep');
    expect((await storage.get('a/b/d.bin'))?.toString()).toBe('sibling');
    expect((await storage.get('a/b.c/e.bin'))?.toString()).toBe('dotted');
    expect(await storage.get('a/b')).toBeUndefined();
    expect(await storage.get('a')).toBeUndefined();
    await storage.delete('a/b');
    expect((await storage.get('a/b/c.bin'))?.toString()).toBe('deep');
  });

  it.each([
    '../escape.bin',
    'a/../../escape.bin',
    'a/b/../../../escape.bin',
    '..',
    '.',
    './a.bin',
    '/etc/passwd',
    'a//b.bin',
    'a/',
    '',
    'a\\..\\..\\escape.bin',
    'a/%2e%2e/escape.bin',
    'line\nbreak',
    `${'x/'.repeat(300)}y`,
  ])('refuses the key %j on put, get and delete', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(StorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(StorageKeyError);
    expect(await driver.outside.get('escape.bin')).toBeUndefined();
    expect(await driver.outside.get('tenants/escape.bin')).toBeUndefined();
  });
});
