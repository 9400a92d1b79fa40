import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** Anything that runs queries: the database, or a transaction in progress. */
export type Executor = Kysely<DB> | Transaction<DB>;
