import { z } from 'zod';
import { errorBody, routes, type RouteSpec } from './routes';

/** OpenAPI 3.1 document generated from the route list and its zod schemas. */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

  for (const route of Object.values(routes) as RouteSpec[]) {
    const operation: Record<string, unknown> = {
      summary: route.summary,
      operationId: Object.entries(routes).find(([, r]) => r === route)?.[0],
      responses: {
        '200': {
          description: 'OK',
          content: { 'application/json': { schema: jsonSchema(route.response, 'output') } },
          ...(route.responseHeaders
            ? {
                headers: Object.fromEntries(
                  Object.entries(route.responseHeaders).map(([name, description]) => [
                    name,
                    { description, schema: { type: 'string' } },
                  ]),
                ),
              }
            : {}),
        },
        '400': {
          description: 'Ongeldige aanvraag',
          content: { 'application/json': { schema: jsonSchema(errorBody, 'output') } },
        },
        ...(route.auth
          ? {
              '401': {
                description: 'Niet aangemeld',
                content: { 'application/json': { schema: jsonSchema(errorBody, 'output') } },
              },
            }
          : {}),
      },
    };
    if (route.auth) operation.security = [{ bearer: [] }];
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    if (route.query) {
      const schema = jsonSchema(route.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      operation.parameters = Object.entries(schema.properties ?? {}).map(([name, property]) => ({
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        schema: property,
      }));
    }
    // Fastify writes path parameters as :name, OpenAPI as {name}.
    const pathParameters = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (pathParameters.length) {
      operation.parameters = [...pathParameters, ...((operation.parameters as unknown[] | undefined) ?? [])];
    }
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    paths[openApiPath] = { ...paths[openApiPath], [route.method.toLowerCase()]: operation };
  }

  return {
    openapi: '3.1.0',
    info: { title: 'CJIB centrale API (referentieserver)', version },
    servers: [{ url: '/' }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}
