import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

const common = { removeAdditional: false, useDefaults: true, allErrors: false };
type Validate = (data: unknown) => boolean;
type Compile = (route: { httpPart?: string }) => Validate;
const pool = AjvCompiler as unknown as () => (externalSchemas: unknown, options: object) => Compile;

/**
 * Query strings and path params arrive as text and are coerced to the schema's types; JSON bodies are
 * validated as sent. (Coercion on bodies would turn `0` or `false` into `null` for nullable fields.)
 */
function buildValidator(externalSchemas: unknown, options: object): Compile {
  const coercing = pool()(externalSchemas, {
    ...options,
    customOptions: { ...common, coerceTypes: 'array' },
  });
  const exact = pool()(externalSchemas, { ...options, customOptions: { ...common, coerceTypes: false } });
  return (route) => (route.httpPart === 'body' ? exact(route) : coercing(route));
}

export const schemaController = {
  compilersFactory: { buildValidator },
} as unknown as FastifyServerOptions['schemaController'];
