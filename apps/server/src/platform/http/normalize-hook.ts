import type { FastifyRequest } from 'fastify';
import { InvalidTextError, normalizeValue } from '../text/normalize.ts';
import { AppError } from './errors.ts';

const hasKeys = (value: unknown): value is object => {
  if (value === null || typeof value !== 'object') return false;
  for (const _ in value) return true;
  return false;
};

/** preValidation: NFC-normalize every string of body and query; reject NUL and control characters. */
export async function normalizeBody(request: FastifyRequest): Promise<void> {
  try {
    if (request.body !== undefined && request.body !== null && !request.isMultipart()) {
      request.body = normalizeValue(request.body);
    }
    // Most requests carry no query or params: skip the copy (this hook runs on every API request).
    if (hasKeys(request.query)) request.query = normalizeValue(request.query);
    if (hasKeys(request.params)) request.params = normalizeValue(request.params);
  } catch (error) {
    if (error instanceof InvalidTextError) {
      throw new AppError(
        400,
        'invalid_characters',
        'Invalid characters',
        `${error.path} contains control characters or NUL bytes.`,
      );
    }
    throw error;
  }
}
