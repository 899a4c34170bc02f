/**
 * The HTTP app: the JSON API under /api (one module per route group), its OpenAPI document, bearer-token
 * auth on /api when configured, and the built dashboard (web/dist) at / with every view path falling back
 * to its index.html (the dashboard routes in the browser; each view is a URL). The dashboard's files hold
 * no data, so they are served without the token; the dashboard asks for it when the API answers 401.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { serveStatic } from '@hono/node-server/serve-static';
import { StoreError, type Store } from '../store/store.js';
import { Api } from './api.js';
import { reportCache } from './cache.js';
import { openApiDocument } from './openapi.js';
import * as documents from './routes/documents.js';
import * as search from './routes/search.js';
import * as events from './routes/events.js';
import * as signals from './routes/signals.js';
import * as sources from './routes/sources.js';
import * as dyads from './routes/dyads.js';
import * as rituals from './routes/rituals.js';
import * as follow from './routes/follow.js';
import * as network from './routes/network.js';
import * as framing from './routes/framing.js';
import * as alerts from './routes/alerts.js';

export interface AppOptions {
  store: Store;
  /** When set, every /api request needs `Authorization: Bearer <token>`. */
  token?: string | null;
  /** The built dashboard; default web/dist of this package. Absent → / answers how to build it. */
  webDir?: string;
}

export const WEB_DIST = join(import.meta.dirname, '../../web/dist');
const VERSION = '0.1.0';

const ROUTE_GROUPS = [documents, search, events, signals, sources, dyads, rituals, follow, network, framing, alerts];

export function createApp(opts: AppOptions): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    // The dashboard loads only its own scripts and talks only to this API (uPlot sets inline styles).
    c.header('content-security-policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
  });
  if (opts.token) app.use('/api/*', bearer(opts.token));

  const api = new Api(app);
  const deps = { store: opts.store, cache: reportCache(opts.store) };
  for (const group of ROUTE_GROUPS) group.register(api, deps);
  const openapi = openApiDocument(api.routes, VERSION);
  app.get('/api/openapi.json', (c) => c.json(openapi));
  app.all('/api/*', (c) => c.json({ error: `no API route ${c.req.method} ${c.req.path} (see /api/openapi.json)` }, 404));

  const web = opts.webDir ?? WEB_DIST;
  if (existsSync(join(web, 'index.html'))) {
    // Built assets carry a content hash in their names: cache them for good; never cache the page itself.
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root: web }));
    app.get('*', async (c, next) => {
      // A missing file is a 404, not the page: only view paths (no file extension) get index.html.
      if (/\.[A-Za-z0-9]+$/.test(c.req.path)) return c.text(`not found: ${c.req.path}\n`, 404);
      c.header('cache-control', 'no-cache');
      return next();
    });
    app.get('*', serveStatic({ root: web, path: 'index.html' }));
  } else {
    app.get('*', (c) => c.text(`The dashboard is not built (${web}/index.html is missing): run \`npm run build:web\`. The API is at /api.\n`, 404));
  }

  app.onError((err, c) => {
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    if (err instanceof StoreError) return c.json({ error: err.message }, 400);
    console.error(`attache serve: ${c.req.method} ${c.req.url}: ${err.stack ?? err.message}`);
    return c.json({ error: `internal error: ${err.message}` }, 500);
  });
  return app;
}

/** Constant-time check of `Authorization: Bearer <token>`; 401 otherwise. */
function bearer(token: string) {
  const want = Buffer.from(token);
  return async (c: import('hono').Context, next: () => Promise<void>) => {
    const m = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '');
    const got = Buffer.from(m?.[1]?.trim() ?? '');
    if (got.length !== want.length || !timingSafeEqual(got, want)) {
      c.header('www-authenticate', 'Bearer realm="attache"');
      return c.json({ error: m ? 'wrong bearer token' : 'this server needs Authorization: Bearer <ATTACHE_TOKEN>' }, 401);
    }
    await next();
  };
}
