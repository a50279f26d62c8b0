// Puts the app on a socket: loopback by default, and never beyond it without a token.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { isLoopbackHost } from './access.ts';

export interface ListenOptions {
  /** Address to bind; default 127.0.0.1. */
  host?: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Must be set when `host` is not a loopback address. */
  token?: string | null;
}

export interface RunningServer {
  /** `http://HOST:PORT`, with the port actually bound. */
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** Thrown when the server is asked to listen beyond loopback without a token. */
export class UnsafeBindError extends Error {
  constructor(host: string) {
    super(`refusing to listen on ${host} without a token: other machines could read the store; pass --token or set PARLEY_TOKEN`);
    this.name = 'UnsafeBindError';
  }
}

/** Thrown when another program already listens on the port asked for. */
export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is already in use: stop what listens there, or pass another --port (0 picks a free one)`);
    this.name = 'PortInUseError';
  }
}

/** Starts serving `app`; resolves once the socket is bound. */
export function listen(app: Hono, options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host) && !options.token) return Promise.reject(new UnsafeBindError(host));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: options.port }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        host: info.address,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            // Keep-alive connections would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, options.port) : error));
  });
}
