import semver from 'semver';
import { metrics, type Registry } from '@onething/engine';
import type { Call, Reply, RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';
import { schemas } from '../schemas.js';
import { cached } from '../cached.js';
import { STANDALONE_RUNTIME_PATH } from '../../catalog/bundle-runtime.js';
import type { BundleRuntime } from '../../catalog/catalog.js';
import { standaloneRuntime } from '../../catalog/standalone-asset.js';

const highest = <T>(versions: ReadonlyMap<string, T> | undefined, compare: (a: string, b: string) => number) =>
  versions ? [...versions.keys()].sort(compare).at(-1) : undefined;

const semverCompare = (a: string, b: string) => semver.compare(a, b);

async function runtime(call: Call): Promise<BundleRuntime> {
  const found = await call.services.catalog.current(call.params['id'] ?? '', call.params['version']);
  if (!found) throw new HttpError('notFound');
  return found;
}

function catalogBody(registry: Registry, region: string | undefined) {
  const items = [...registry.items.entries()].flatMap(([id, versions]) => {
    const version = highest(versions, semverCompare);
    const d = version ? versions.get(version)?.definition : undefined;
    if (!d || (region && d.region !== region)) return [];
    return [{ id, version, title: d.title, description: d.description ?? null, department: d.department, region: d.region, limits: d.limits, code: d.code ?? null }];
  });
  return { items };
}

const composedParams = {
  id: { schema: schemas.id, description: 'Bundle id.' },
  version: { schema: schemas.version, description: 'Exact bundle version.' },
};
const composedResponses = {
  200: { description: 'The composed bundle (`ComposedBundle`, see packages/engine/src/compose/types.ts), with an ETag.', schema: { type: 'object', required: ['format', 'bundle', 'schema'] } },
  304: { description: 'Not modified (If-None-Match).' },
};

/** Catalog, composed bundles (with ETag), their standalone validator modules and the validators' runtime. */
export const catalogRoutes: RouteDescriptor[] = [
  {
    method: 'get',
    path: '/api/catalog',
    operationId: 'catalog',
    summary: 'Published bundles (with their reduction metrics) and items, newest version of each',
    tags: ['catalog'],
    auth: 'public',
    query: { region: { schema: { type: 'string', pattern: '^[0-9]{6}$' }, description: 'Only definitions of this division code.' } },
    responses: { 200: { description: 'The catalog.', schema: { type: 'object', required: ['bundles', 'items'], properties: { bundles: { type: 'array' }, items: { type: 'array' } } } } },
    async handle(call) {
      const region = call.query['region'] as string | undefined;
      const registry = await call.services.catalog.registry();
      const bundles = [];
      for (const [id, versions] of registry.bundles) {
        const version = highest(versions, semverCompare);
        const d = version ? versions.get(version)?.definition : undefined;
        if (!d || !version || (region && d.region !== region)) continue;
        let rt: BundleRuntime | null = null;
        try {
          rt = await call.services.catalog.current(id, version);
        } catch (error) {
          call.services.logger.warn({ err: error, bundle: id }, 'bundle does not compose; left out of the catalog');
        }
        if (!rt) continue;
        bundles.push({
          id,
          version,
          title: d.title,
          description: d.description ?? null,
          region: d.region,
          lead: d.lead,
          items: rt.composed.items.map((i) => ({ id: i.id, version: i.version, title: i.title, department: i.department })),
          metrics: metrics(rt.composed),
        });
      }
      return { status: 200, body: { bundles, ...catalogBody(registry, region) }, headers: { 'Cache-Control': 'public, max-age=30' } };
    },
  },
  {
    method: 'get',
    path: '/api/bundles/{id}',
    operationId: 'composedBundleLatest',
    summary: 'The newest published version of a bundle, composed into one form',
    tags: ['catalog'],
    auth: 'public',
    params: { id: composedParams.id },
    responses: composedResponses,
    async handle(call) {
      const rt = await runtime(call);
      return cached(call, rt.etag, () => ({ status: 200, body: rt.composed }));
    },
  },
  {
    method: 'get',
    path: '/api/bundles/{id}/versions/{version}',
    operationId: 'composedBundle',
    summary: 'A published bundle version, composed into one form',
    tags: ['catalog'],
    auth: 'public',
    params: composedParams,
    responses: composedResponses,
    async handle(call) {
      const rt = await runtime(call);
      return cached(call, rt.etag, () => ({ status: 200, body: rt.composed }));
    },
  },
  {
    method: 'get',
    path: '/api/bundles/{id}/versions/{version}/validator.js',
    operationId: 'bundleValidator',
    summary: 'The bundle’s precompiled shape validator as an ES module (no eval; works under script-src \'self\')',
    description: `Exports \`validateShape(data) → ValidationError[]\` and \`validate\`; imports its runtime from ${STANDALONE_RUNTIME_PATH}.`,
    tags: ['catalog'],
    auth: 'public',
    params: composedParams,
    responses: { 200: { description: 'JavaScript module.', contentType: 'text/javascript' }, 304: { description: 'Not modified.' } },
    async handle(call) {
      const rt = await runtime(call);
      return cached(call, rt.etag, () => ({ status: 200, bytes: Buffer.from(rt.validatorModule()), contentType: 'text/javascript; charset=utf-8' }));
    },
  },
  {
    method: 'get',
    path: STANDALONE_RUNTIME_PATH,
    operationId: 'validatorRuntime',
    summary: 'The runtime module the validator modules import (formats, messages)',
    tags: ['catalog'],
    auth: 'public',
    responses: { 200: { description: 'JavaScript module.', contentType: 'text/javascript' }, 304: { description: 'Not modified.' } },
    async handle(call) {
      const { code, etag } = await standaloneRuntime();
      return cached(call, etag, () => ({ status: 200, bytes: Buffer.from(code), contentType: 'text/javascript; charset=utf-8' }), 'public, max-age=3600, must-revalidate');
    },
  },
];
