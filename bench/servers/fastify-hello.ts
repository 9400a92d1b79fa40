// Baseline for HTTP goals: bare Fastify answering a constant JSON body on the same path as the app.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/api/v1/me', async () => ({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
