import { composeServer, type ComposeOverrides, type Server } from './composition.ts';
import type { Config } from './platform/config/config.ts';

/** Composes, listens, prints the URL and shuts down gracefully on SIGTERM/SIGINT (forced after SHUTDOWN_TIMEOUT_MS). */
export async function runServer(config: Config, overrides: ComposeOverrides = {}): Promise<Server> {
  const server = await composeServer(config, overrides);
  const address = await server.listen();
  // One origin in every link printed (here and the first-admin link): a session cookie set on
  // localhost is not sent to 127.0.0.1, so mixing them signs people out.
  const url = server.publicUrl();
  server.logger.info({ url, address, mode: config.mode, database: config.database.kind, bus: config.bus.kind }, 'server started');
  console.log(`Hey Blue! listening on ${config.http.publicUrlExplicit ? `${address}, open at ${url}` : url}  (app ${url}/, dashboard ${url}/dashboard, API docs ${url}/docs)`);
  let signals = 0;
  const shutdown = (signal: string): void => {
    if (++signals > 1) return;
    server.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      server.logger.error('graceful shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    server.stop(signal).then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error: unknown) => {
        server.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  return server;
}

