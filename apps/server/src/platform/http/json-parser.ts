import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

export const MAX_JSON_DEPTH = 16;

function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const next = stack.pop();
    if (!next) break;
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** JSON bodies: prototype-poisoning-safe parse, bounded depth, clear errors for garbage. */
export function installJsonParser(app: FastifyInstance): void {
  // Only JSON (and multipart, where a route accepts it): anything else is 415, never parsed as text.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
    } catch {
      done(
        new AppError(400, 'malformed_json', 'Malformed JSON', 'The request body is not valid JSON.'),
        undefined,
      );
      return;
    }
    if (depthExceeds(parsed, MAX_JSON_DEPTH)) {
      done(
        new AppError(
          400,
          'too_deep',
          'Too deeply nested',
          `JSON nesting is limited to ${MAX_JSON_DEPTH} levels.`,
        ),
        undefined,
      );
      return;
    }
    done(null, parsed);
  });
}
