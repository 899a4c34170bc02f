/**
 * The OpenAPI 3.1 document of the API, written from the routes' own zod schemas (z.toJSONSchema), so the
 * description cannot drift from what the server validates.
 */
import { z } from 'zod';
import type { RouteDoc } from './api.js';

interface ParameterObject {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

function parameters(schema: z.ZodObject | undefined, where: 'query' | 'path'): ParameterObject[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** "/api/documents/:id" → "/api/documents/{id}". */
const openApiPath = (p: string) => p.replace(/:([A-Za-z_]+)/g, '{$1}');

export function openApiDocument(routes: RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const content: Record<string, unknown> = { 'application/json': {} };
    if (r.downloads) {
      content['text/csv'] = {};
      content['application/x-ndjson'] = {};
    }
    paths[openApiPath(r.path)] = {
      get: {
        summary: r.summary,
        tags: [r.tag],
        parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
        responses: {
          '200': { description: r.downloads ? 'a page of rows (json) or every matching row (csv, jsonl)' : 'the result', content },
          '400': { description: 'a bad parameter; `error` names it and the problem' },
          '401': { description: 'missing or wrong bearer token (servers bound beyond loopback)' },
          ...(r.params ? { '404': { description: 'not found' } } : {}),
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'attaché API',
      version,
      description:
        'Events, diplomatic signals, framing and their analysis over the attaché store. Every table route ' +
        'answers a page of JSON ({rows, offset, limit, next, total}) or, with ?format=csv|jsonl, streams every matching row.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{}, { bearer: [] }],
    paths,
  };
}
