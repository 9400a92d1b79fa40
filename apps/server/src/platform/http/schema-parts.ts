import { type TSchema, Type } from 'typebox';

/** Schema parts every module's request and response schemas use. */

/** The schema, or null. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An id in a path or body (UUIDv7 in practice; any short token is looked up and answered 404 if unknown). */
export const Id = Type.String({ minLength: 1, maxLength: 64 });

/** `{id}` path parameters. */
export const IdParams = Type.Object({ id: Id });
