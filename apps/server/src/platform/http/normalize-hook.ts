import type { FastifyRequest } from 'fastify';
import { InvalidTextError, normalizeValue } from '../text/normalize.ts';
import { AppError } from './errors.ts';

/** preValidation: NFC-normalize every string of body and query; reject NUL and control characters. */
export async function normalizeBody(request: FastifyRequest): Promise<void> {
  try {
    if (request.body !== undefined && request.body !== null && !request.isMultipart()) {
      request.body = normalizeValue(request.body);
    }
    if (request.query && typeof request.query === 'object') request.query = normalizeValue(request.query);
    if (request.params && typeof request.params === 'object') request.params = normalizeValue(request.params);
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
