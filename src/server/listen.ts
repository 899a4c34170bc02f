/**
 * Starting the HTTP server: loopback by default; any other address requires a bearer token
 * (ATTACHE_TOKEN), without which the server refuses to start.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]']);

const isLoopback = (host: string) => LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Shortest token accepted: a guessable token is no protection. */
const MIN_TOKEN_LENGTH = 16;

/**
 * The token the server must demand on `host`, or null on loopback without one. Throws with the reason when a
 * non-loopback host has no token (or a short one).
 */
export function requiredToken(host: string, token: string | undefined): string | null {
  const t = token?.trim() || null;
  if (t && t.length < MIN_TOKEN_LENGTH) throw new Error(`ATTACHE_TOKEN is ${t.length} characters; use at least ${MIN_TOKEN_LENGTH}`);
  if (!t && !isLoopback(host))
    throw new Error(`refusing to listen on ${host} without a token: set ATTACHE_TOKEN (clients then send Authorization: Bearer <token>), or bind to 127.0.0.1`);
  return t;
}

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function listen(opts: Omit<AppOptions, 'token'> & { host: string; port: number; token?: string }): Promise<Running> {
  const token = requiredToken(opts.host, opts.token);
  const app = createApp({ ...opts, token });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
