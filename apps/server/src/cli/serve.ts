import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';

export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const atrium = await buildApp(config);
  if (options.demo) {
    const { ensureDemoOrganization } = await import('../seed/demo.ts');
    await ensureDemoOrganization(atrium.ctx, { log: true });
  }
  await atrium.app.listen({ port: config.port, host: config.host });
  atrium.ctx.log.info(`Atrium is ready at ${config.publicUrl}`);
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    atrium.ctx.log.info({ signal }, 'shutting down');
    atrium.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
