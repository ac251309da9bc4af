import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log';
import type { Metrics } from './metrics';
import type { Readiness } from './readiness';

export interface HealthServer {
  /** The port it listens on (the one asked for, or the one chosen for port 0). */
  port: number;
  close(): Promise<void>;
}

/**
 * `/healthz` (the process is up), `/readyz` (it can serve: 200, or 503 with what is still
 * missing) and `/metrics` (Prometheus text). Plain `node:http`: three GET routes need no
 * framework, and it runs beside any adapter, the console included.
 */
export async function startHealthServer(
  where: { port: number; host: string },
  readiness: Readiness,
  metrics: Metrics,
  log: Logger,
): Promise<HealthServer> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}\n');
    } else if (path === '/readyz') {
      const report = readiness.report();
      response.writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json' }).end(`${JSON.stringify(report)}\n`);
    } else if (path === '/metrics') {
      metrics.text().then(
        (text) => response.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (error: unknown) => {
          log.error('collecting metrics failed', error);
          response.writeHead(500).end();
        },
      );
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz, /readyz or /metrics\n');
    }
  });
  server.listen(where.port, where.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  log.info(`health endpoints on http://${where.host}:${port}/healthz, /readyz and /metrics`);
  return {
    port,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
