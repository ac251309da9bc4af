import { createServer, type Server, type Socket } from 'node:net';

export interface ConnectionRecorder {
  port: number;
  /** The remote address of every connection accepted so far. */
  connections: string[];
  close(): Promise<void>;
}

/**
 * A TCP server on every local address, IPv4 and IPv6 (on IPv4 loopback alone where the host
 * has no IPv6), that answers nothing and records each connection: proof of whether a
 * fetcher tried to connect at all, whatever address form it was given.
 */
export async function startConnectionRecorder(): Promise<ConnectionRecorder> {
  const connections: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections.push(socket.remoteAddress ?? 'unknown');
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.destroy();
  });
  const port = await listen(server, '::').catch(() => listen(server, '127.0.0.1'));
  return {
    port,
    connections,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}
