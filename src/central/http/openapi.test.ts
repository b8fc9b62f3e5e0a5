import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { routes } from './routes';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument('1.0.0');

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route with its request schema from src/shared/api', () => {
    const paths = document.paths as Record<
      string,
      Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>
    >;
    for (const route of Object.values(routes)) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(paths[path]?.[route.method.toLowerCase()], route.path).toBeDefined();
    }
    expect(paths['/api/v1/victims/{victimId}/contact']?.get?.parameters?.map((p) => p.name)).toEqual([
      'victimId',
      'reason',
    ]);
    const push = paths['/api/v1/sync/commands']?.post?.requestBody as {
      content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
    };
    expect(Object.keys(push.content['application/json'].schema.properties)).toEqual(['clientId', 'commands']);
    expect(paths['/api/v1/sync/changes']?.get?.parameters?.map((p) => p.name)).toEqual([
      'clientId',
      'cursor',
      'limit',
      'count',
    ]);
    const pullOk = (
      paths['/api/v1/sync/changes']?.get as unknown as { responses: { '200': { headers?: Record<string, unknown> } } }
    ).responses['200'];
    expect(Object.keys(pullOk.headers ?? {})).toEqual(['x-next-cursor', 'x-has-more']);
  });
});
