import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema.ts';

/**
 * A query built and compiled once per database, then run with new parameters: for the few lookups on
 * every request (session, API token, current person), where Kysely's build-and-compile costs more than
 * the SQL itself. `build` receives placeholder values; the parameters must be given in the same order.
 */
export function precompiled<Row, Args extends readonly unknown[]>(
  build: (db: Kysely<DB>, ...placeholders: Args) => Compilable<Row>,
  placeholders: Args,
): (db: Kysely<DB>, ...args: Args) => Promise<Row | undefined> {
  const cache = new WeakMap<Kysely<DB>, CompiledQuery<Row>>();
  return async (db, ...args) => {
    let query = cache.get(db);
    if (!query) {
      query = build(db, ...placeholders).compile();
      if (query.parameters.length !== args.length) {
        throw new Error(
          `precompiled query expects ${query.parameters.length} parameters, got ${args.length}`,
        );
      }
      cache.set(db, query);
    }
    const result = await db.executeQuery<Row>({ ...query, parameters: args });
    return result.rows[0];
  };
}
