import { LIVE_CLOSE_CODES, LIVE_LIMITS } from '@atrium/contracts';
import websocket from '@fastify/websocket';
import type { Logger } from 'pino';
import type { App } from '../http/define-route.ts';

/**
 * WebSocket upgrades through the normal route stack (auth, rate limits, hooks run before the upgrade).
 * A frame over the limit closes the socket with 1009 (ws does it itself); a socket error is logged and
 * ws closes the socket; on shutdown every socket is told to reconnect elsewhere.
 */
export async function registerWebSocket(app: App, log: Logger): Promise<void> {
  await app.register(websocket, {
    options: { maxPayload: LIVE_LIMITS.maxFrameBytes },
    errorHandler(error, socket) {
      log.debug({ err: error.message }, 'websocket error');
      if (socket.readyState === socket.OPEN) socket.close(1011, 'internal error');
    },
    preClose(done) {
      for (const client of this.websocketServer.clients) {
        client.close(LIVE_CLOSE_CODES.goingAway, 'server shutting down');
      }
      done();
    },
  });
}
