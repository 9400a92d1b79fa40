import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'atrium-config-'));

describe('loadConfig', () => {
  it('defaults to SQLite under the data dir, port 3000, and a generated secret kept across runs', () => {
    const dir = dataDir();
    const config = loadConfig({ ATRIUM_DATA_DIR: dir });
    expect(config.databaseUrl).toBe(`sqlite:${join(dir, 'atrium.db')}`);
    expect(config.port).toBe(3000);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(config.sessionSecret);
    expect(loadConfig({ ATRIUM_DATA_DIR: dir }).sessionSecret).toBe(config.sessionSecret);
    expect(config.secureCookies).toBe(false);
  });

  it('uses secure cookies behind an https public URL', () => {
    expect(
      loadConfig({ ATRIUM_DATA_DIR: dataDir(), PUBLIC_URL: 'https://atrium.example.com/' }).secureCookies,
    ).toBe(true);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'ftp://x'],
    ['REDIS_URL', 'http://x'],
    ['SMTP_URL', 'nope'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_SECRET', 'short'],
    ['STORAGE_DRIVER', 'floppy'],
  ])('names the variable when %s=%s is invalid', (variable, value) => {
    const run = () => loadConfig({ ATRIUM_DATA_DIR: dataDir(), [variable]: value });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(variable);
  });
});
