import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, problemBody } from './errors.ts';
import { describeIssues, type ValidationIssue } from './validation-messages.ts';

function fromFastifyError(error: FastifyError): AppError | undefined {
  if (error.validation) {
    const { errors, detail } = describeIssues(
      error.validationContext ?? 'body',
      error.validation as ValidationIssue[],
    );
    return new AppError(400, 'validation_failed', 'Invalid request', detail, errors);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'Unsupported media type', 'Send application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'malformed_json', 'Malformed JSON', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError(413, 'payload_too_large', 'Payload too large', 'The request body is too large.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'validation_failed', 'Invalid request', 'The request body is malformed.');
    default:
      break;
  }
  if (error.statusCode === 429) {
    return new AppError(429, 'rate_limited', 'Too many requests', 'Slow down and try again later.');
  }
  if (error.statusCode === 507 || (error as { code?: string }).code === 'SQLITE_FULL') {
    return new AppError(507, 'storage_full', 'Insufficient storage', 'The server is out of storage space.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(
      error.statusCode,
      'validation_failed',
      'Invalid request',
      'The request is malformed.',
    );
  }
  return undefined;
}

/** Every error leaves as problem+json; unexpected ones are logged and never expose internal text. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const known = error instanceof AppError ? error : (fromFastifyError(error) ?? undefined);
    const appError =
      known ?? new AppError(500, 'internal', 'Internal error', 'Something went wrong on our side.');
    if (!known) request.log.error({ err: error }, 'unhandled error');
    if (appError.headers) void reply.headers(appError.headers);
    if (appError.status === 429 && error.statusCode === 429) {
      const retry = reply.getHeader('retry-after');
      if (retry === undefined) void reply.header('retry-after', '60');
    }
    return reply
      .status(appError.status)
      .type('application/problem+json')
      .send(problemBody(appError, request.url.split('?')[0] ?? request.url, request.id));
  });
  app.setNotFoundHandler((request, reply) => {
    return reply
      .status(404)
      .type('application/problem+json')
      .send(
        problemBody(
          new AppError(404, 'not_found', 'Not found', 'No such resource.'),
          request.url.split('?')[0] ?? '',
          request.id,
        ),
      );
  });
}
