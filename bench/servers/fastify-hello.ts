// Baseline for HTTP goals: bare Fastify answering a constant JSON body on the same paths as the app.
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const hello = async () => ({ hello: 'world' });
app.get('/api/v1/me', hello);
app.get('/api/v1/feeds/home', hello);
app.get('/api/v1/spaces/:handle/feed', hello);
// Parses the JSON body like the app does, then answers 201.
app.post('/api/v1/posts', async (_request, reply) => reply.code(201).send({ hello: 'world' }));
await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('SIGTERM', () => {
  app.close().then(() => process.exit(0));
});
