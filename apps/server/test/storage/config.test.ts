import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'atrium-config-'));
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const valid = {
  STORAGE_DRIVER: 's3',
  S3_BUCKET: 'atrium-files',
  S3_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  S3_SECRET_ACCESS_KEY: SECRET,
};

describe('storage configuration', () => {
  it('defaults to the local driver under the data dir', () => {
    const dir = dataDir();
    const config = loadConfig({ ATRIUM_DATA_DIR: dir });
    expect(config.storageDriver).toBe('local');
    expect(config.storageDir).toBe(join(dir, 'files'));
    expect(config.s3).toBeUndefined();
  });

  it('reads the S3 settings, with us-east-1, AWS itself and no prefix by default', () => {
    expect(loadConfig({ ATRIUM_DATA_DIR: dataDir(), ...valid }).s3).toEqual({
      bucket: 'atrium-files',
      region: 'us-east-1',
      endpoint: undefined,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: SECRET,
      prefix: '',
    });
    const custom = loadConfig({
      ATRIUM_DATA_DIR: dataDir(),
      ...valid,
      S3_REGION: 'eu-central-1',
      S3_ENDPOINT: 'http://127.0.0.1:4569/',
      S3_PREFIX: 'atrium/prod/',
    }).s3;
    expect(custom).toMatchObject({
      region: 'eu-central-1',
      endpoint: 'http://127.0.0.1:4569',
      prefix: 'atrium/prod/',
    });
  });

  it.each([
    ['STORAGE_DRIVER', { STORAGE_DRIVER: 'floppy' }],
    ['S3_BUCKET', { S3_BUCKET: undefined }],
    ['S3_BUCKET', { S3_BUCKET: '' }],
    ['S3_BUCKET', { S3_BUCKET: 'Has_Upper' }],
    ['S3_BUCKET', { S3_BUCKET: 'ab' }],
    ['S3_BUCKET', { S3_BUCKET: 'a..b' }],
    ['S3_REGION', { S3_REGION: 'us east 1' }],
    ['S3_ENDPOINT', { S3_ENDPOINT: 'not a url' }],
    ['S3_ENDPOINT', { S3_ENDPOINT: 'ftp://127.0.0.1:21' }],
    ['S3_ENDPOINT', { S3_ENDPOINT: `http://key:${SECRET}@127.0.0.1:4569` }],
    ['S3_ENDPOINT', { S3_ENDPOINT: 'http://127.0.0.1:4569/?x=1' }],
    ['S3_ACCESS_KEY_ID', { S3_ACCESS_KEY_ID: undefined }],
    ['S3_ACCESS_KEY_ID', { S3_ACCESS_KEY_ID: 'two words' }],
    ['S3_SECRET_ACCESS_KEY', { S3_SECRET_ACCESS_KEY: undefined }],
    ['S3_SECRET_ACCESS_KEY', { S3_SECRET_ACCESS_KEY: `${SECRET}\n` }],
    ['S3_PREFIX', { S3_PREFIX: '/atrium' }],
    ['S3_PREFIX', { S3_PREFIX: 'atrium/../other' }],
    ['S3_PREFIX', { S3_PREFIX: 'a//b' }],
    ['S3_PREFIX', { S3_PREFIX: 'a b' }],
  ])('names %s when it is invalid or missing (%j), without echoing the secret', (variable, override) => {
    const env: Record<string, string | undefined> = { ATRIUM_DATA_DIR: dataDir(), ...valid, ...override };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toContain(variable);
    expect((error as ConfigError).message).not.toContain(SECRET);
  });

  it('ignores the S3 settings with the local driver', () => {
    const config = loadConfig({ ATRIUM_DATA_DIR: dataDir(), S3_BUCKET: 'NOT VALID' });
    expect(config.storageDriver).toBe('local');
    expect(config.s3).toBeUndefined();
  });
});
