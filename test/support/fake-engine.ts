// A hostile or broken Docker engine: an HTTP server on a unix socket of the test's own (or on a port of
// 127.0.0.1), answering each request with whatever the test says, and recording what was asked.
// DOCKER_HOST=unix://<socket> (tcp://127.0.0.1:<port>) points a client at it.
import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export class FakeEngine {
  readonly requests: string[] = [];
  #server: Server;
  #port = 0;
  constructor(
    /** The socket's path, or null for a port of 127.0.0.1. */
    readonly socket: string | null,
    public handler: Handler,
  ) {
    this.#server = createServer((req, res) => {
      this.requests.push(`${req.method} ${req.url}`);
      this.handler(req, res);
    });
  }
  get host(): string {
    return this.socket === null ? `tcp://127.0.0.1:${this.#port}` : `unix://${this.socket}`;
  }
  async start(): Promise<this> {
    if (this.socket === null) {
      await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
      this.#port = (this.#server.address() as { port: number }).port;
      return this;
    }
    rmSync(this.socket, { force: true });
    await new Promise<void>((resolve) => this.#server.listen(this.socket, resolve));
    return this;
  }
  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A TCP port on 127.0.0.1 that counts the connections made to it: where a followed redirect would go. */
export async function countingPort(): Promise<{
  port: number;
  connections: () => number;
  close: () => void;
}> {
  let count = 0;
  const server: TcpServer = createTcpServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, connections: () => count, close: () => server.close() };
}

export const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
