import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/**
 * One log line per request, written when it completes (method, route, status, time), instead of
 * Fastify's two. Health probes are logged only at debug level.
 */
export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    // The path only: query strings can carry secrets (unsubscribe and signed download tokens).
    request.log.debug({ method: request.method, url: request.url.split('?')[0] }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: request.routeOptions.url ?? request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      actor: request.actor?.id,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (request.url === '/healthz' || request.url === '/readyz')
      reply.log.debug(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}
