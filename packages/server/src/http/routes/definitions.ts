import { hashDefinition, type Json } from '@onething/engine';
import type { Call, RouteDescriptor } from '../route.js';
import { HttpError } from '../errors.js';
import { ref, schemas } from '../schemas.js';
import type { DefinitionKind, DefinitionRecord } from '../../store/types.js';
import { checkDefinition, checkNewVersion } from '../../catalog/definitions.js';

const kind = { schema: { enum: ['item', 'bundle', 'concepts', 'overlay'] }, description: 'Definition kind.' };
const refParams = { kind, id: { schema: schemas.id, description: 'Definition id.' }, version: { schema: schemas.version, description: 'Semantic version.' } };
const summary = ({ body: _body, ...rest }: DefinitionRecord) => rest;
const list = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('Definition') } } };

function target(call: Call) {
  return { kind: call.params['kind'] as DefinitionKind, id: call.params['id']!, version: call.params['version']! };
}

function errorsOf(diagnostics: Array<{ severity: string }>) {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** Definitions: drafts, publishing (immutable, semver-checked), versions. Admins only. */
export const definitionRoutes: RouteDescriptor[] = [
  {
    method: 'get',
    path: '/api/definitions',
    operationId: 'listDefinitions',
    summary: 'List definitions (without bodies)',
    tags: ['definitions'],
    auth: 'token',
    roles: ['admin'],
    query: { kind, id: { schema: schemas.id, description: 'Only this id.' }, status: { schema: { enum: ['draft', 'published'] }, description: 'Only drafts or published versions.' } },
    responses: { 200: { description: 'Definitions.', schema: list } },
    async handle(call) {
      const q = call.query as { kind?: DefinitionKind; id?: string; status?: 'draft' | 'published' };
      const records = await call.services.store.listDefinitions({ ...(q.kind ? { kind: q.kind } : {}), ...(q.id ? { id: q.id } : {}), ...(q.status ? { status: q.status } : {}) });
      return { status: 200, body: { items: records.map(summary) } };
    },
  },
  {
    method: 'get',
    path: '/api/definitions/{kind}/{id}/versions',
    operationId: 'listDefinitionVersions',
    summary: 'Every version of one definition, drafts included',
    tags: ['definitions'],
    auth: 'token',
    roles: ['admin'],
    params: { kind: refParams.kind, id: refParams.id },
    responses: { 200: { description: 'Versions.', schema: list } },
    async handle(call) {
      const records = await call.services.store.listDefinitions({ kind: call.params['kind'] as DefinitionKind, id: call.params['id']! });
      return { status: 200, body: { items: records.map(summary) } };
    },
  },
  {
    method: 'get',
    path: '/api/definitions/{kind}/{id}/versions/{version}',
    operationId: 'getDefinition',
    summary: 'One definition version with its body',
    tags: ['definitions'],
    auth: 'token',
    roles: ['admin'],
    params: refParams,
    responses: { 200: { description: 'The definition.', schema: ref('Definition') } },
    async handle(call) {
      const t = target(call);
      const record = await call.services.store.getDefinition(t.kind, t.id, t.version);
      if (!record) throw new HttpError('notFound');
      return { status: 200, body: record, headers: { ETag: `"${record.hash}"` } };
    },
  },
  {
    method: 'put',
    path: '/api/definitions/{kind}/{id}/versions/{version}',
    operationId: 'saveDefinitionDraft',
    summary: 'Create or update a draft (compare-and-set on `revision`; omit it to create)',
    description: 'The definition is checked with the engine (meta-schemas and lint, against the published definitions); errors answer 422 `definition-invalid` with the diagnostics. A published version answers 409 `definition-published`.',
    tags: ['definitions'],
    auth: 'token',
    roles: ['admin'],
    params: refParams,
    body: { schema: ref('DefinitionDraft') },
    responses: { 200: { description: 'Saved.', schema: { type: 'object', required: ['definition', 'diagnostics'], properties: { definition: ref('Definition'), diagnostics: { type: 'array' } } } } },
    async handle(call) {
      const t = target(call);
      const { definition, revision } = call.body as { definition: { kind: string; id: string; version: string } & Record<string, Json>; revision?: number };
      for (const key of ['kind', 'id', 'version'] as const) {
        if (definition[key] !== t[key]) throw new HttpError('invalidRequest', { pointer: `/definition/${key}`, detail: { 'zh-CN': '与地址不一致', en: 'does not match the URL' } });
      }
      const diagnostics = await checkDefinition(call.services.store, { ...t, body: definition });
      if (errorsOf(diagnostics).length) throw new HttpError('definitionInvalid', { pointer: '/definition', errors: diagnostics as unknown as Json[] });
      const record = await call.services.store.saveDraft({
        ...t,
        body: definition,
        hash: hashDefinition(definition),
        by: call.principal!.sub,
        at: call.now.toISOString(),
        expectedRevision: revision ?? null,
      });
      return { status: 200, body: { definition: record, diagnostics } };
    },
  },
  {
    method: 'post',
    path: '/api/definitions/{kind}/{id}/versions/{version}/publish',
    operationId: 'publishDefinition',
    summary: 'Publish a draft: immutable from now on; the version must fit the changes (semver)',
    description: 'Compared with the highest published version below it: a removed field or a narrowed type needs a major version (422 `version-not-compatible` with the diagnostics and the changes).',
    tags: ['definitions'],
    auth: 'token',
    roles: ['admin'],
    params: refParams,
    body: { schema: ref('Publish') },
    responses: { 200: { description: 'Published.', schema: { type: 'object', required: ['definition'], properties: { definition: ref('Definition'), changes: { type: 'array' } } } } },
    async handle(call) {
      const t = target(call);
      const { revision } = call.body as { revision: number };
      const draft = await call.services.store.getDefinition(t.kind, t.id, t.version);
      if (!draft) throw new HttpError('notFound');
      if (draft.status === 'published') throw new HttpError('definitionPublished');
      if (draft.revision !== revision) throw new HttpError('revisionConflict', { pointer: '/revision' });
      const diagnostics = errorsOf(await checkDefinition(call.services.store, draft));
      if (diagnostics.length) throw new HttpError('definitionInvalid', { errors: diagnostics as unknown as Json[] });
      const check = await checkNewVersion(call.services.store, draft);
      if (check && !check.ok) {
        throw new HttpError('versionTooLow', { pointer: '/version', errors: [...check.diagnostics, ...check.changes] as unknown as Json[] });
      }
      const published = await call.services.store.publish({ ...t, expectedRevision: revision, by: call.principal!.sub, at: call.now.toISOString() });
      call.services.catalog.invalidate();
      call.services.logger.info({ kind: t.kind, id: t.id, version: t.version, by: call.principal!.sub }, 'definition published');
      return { status: 200, body: { definition: published, changes: (check?.changes ?? []) as unknown as Json } };
    },
  },
];
