/**
 * A thin layer over Hono that keeps, for every GET route, its zod query (and path) schema and a summary:
 * the handler receives parsed, validated parameters (a bad one is a 400 before the handler runs), and
 * the same list of routes is what `/api/openapi.json` describes.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { badRequest, reasons } from './params.js';

export interface RouteDoc {
  /** Hono path, e.g. "/api/documents/:id". */
  path: string;
  summary: string;
  tag: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** The route streams csv/jsonl downloads with ?format= (documented in the response types). */
  downloads?: boolean;
}

type Out<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

export class Api {
  readonly routes: RouteDoc[] = [];
  constructor(readonly app: Hono) {}

  get<Q extends z.ZodObject | undefined = undefined, P extends z.ZodObject | undefined = undefined>(
    doc: RouteDoc & { query?: Q; params?: P },
    handler: (c: Context, query: Out<Q>, params: Out<P>) => Response | Promise<Response>,
  ): void {
    this.routes.push(doc);
    this.app.get(doc.path, (c) => {
      // Path and query are checked together so one answer names every bad parameter.
      const p = doc.params?.safeParse(c.req.param());
      const q = doc.query?.safeParse(c.req.query());
      const bad = [...(p?.error ? reasons(p.error, 'path parameter') : []), ...(q?.error ? reasons(q.error) : [])];
      if (bad.length) throw badRequest(bad.join('; '));
      return handler(c, (q?.data ?? {}) as Out<Q>, (p?.data ?? {}) as Out<P>);
    });
  }
}
