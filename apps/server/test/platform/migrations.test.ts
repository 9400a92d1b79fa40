import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/migrations/index.ts';
import { openDatabase } from '../../src/platform/db/connect.ts';
import { migrateDown, migrateToLatest, migrationsAreCurrent } from '../../src/platform/db/migrate.ts';
import { createTestDatabase } from '../support/test-db.ts';

describe('migrations', () => {
  it('apply, roll back one by one to nothing, and apply again', async () => {
    const testDb = await createTestDatabase();
    const database = openDatabase(testDb.url);
    try {
      const applied = await migrateToLatest(database.db);
      expect(applied).toEqual(Object.keys(migrations));
      expect(await migrationsAreCurrent(database.db)).toBe(true);
      for (let i = 0; i < applied.length; i++) await migrateDown(database.db);
      expect(await migrationsAreCurrent(database.db)).toBe(false);
      const tables = await database.db.introspection.getTables();
      expect(tables.map((t) => t.name).filter((n) => !n.startsWith('atrium_migrations'))).toEqual([]);
      expect(await migrateToLatest(database.db)).toEqual(applied);
      await sql`select count(*) from people`.execute(database.db);
    } finally {
      await database.close();
      await testDb.drop();
    }
  });
});
