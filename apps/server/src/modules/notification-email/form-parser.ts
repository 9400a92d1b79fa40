import type { FastifyInstance } from 'fastify';

/** URL-encoded form bodies as a plain object of strings (the last value wins for a repeated name). */
export function installFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      const fields: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(text)) {
        if (name !== '__proto__') fields[name] = value;
      }
      done(null, fields);
    },
  );
}
