import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '@atrium/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const load = (value?: string) =>
  loadConfig({
    ATRIUM_DATA_DIR: mkdtempSync(join(tmpdir(), 'atrium-config-')),
    SESSION_SECRET: 'x'.repeat(32),
    ...(value === undefined ? {} : { ATTACHMENT_MAX_BYTES: value }),
  });

describe('ATTACHMENT_MAX_BYTES', () => {
  it('defaults to the contract limit and takes a number of bytes', () => {
    expect(load().attachmentMaxBytes).toBe(LIMITS.attachmentBytes);
    expect(load('').attachmentMaxBytes).toBe(LIMITS.attachmentBytes);
    expect(load('1048576').attachmentMaxBytes).toBe(1048576);
    expect(load(String(1024 ** 3)).attachmentMaxBytes).toBe(1024 ** 3);
  });

  it.each(['0', '-1', '1.5', '10MB', '1e6', ' 5', String(1024 ** 3 + 1)])(
    'refuses %j naming the variable',
    (value) => {
      expect(() => load(value)).toThrow(ConfigError);
      expect(() => load(value)).toThrow(/ATTACHMENT_MAX_BYTES/);
    },
  );
});
