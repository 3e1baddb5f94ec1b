import { definitionId, type JsonSchema, type Text } from '@onething/engine';

/** `$ref` to a component schema. @example ref('Application') */
export const ref = (name: keyof typeof componentSchemas): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

// The meta-schema's Id (common.schema.json): an id the API takes is one a definition can have.
const id: JsonSchema = {
  type: 'string',
  pattern: definitionId.pattern,
  maxLength: definitionId.maxLength,
  description: 'A definition id: lower-case letters, digits and single hyphens, starting with a letter.',
};
const version: JsonSchema = {
  type: 'string',
  maxLength: 64,
  pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$',
  description: 'A semantic version.',
};
const instant: JsonSchema = { type: 'string', format: 'date-time' };
const sha256: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$' };
/** An application id as the server makes them (a UUID, version 7 since store schema 3). */
const applicationId: JsonSchema = { type: 'string', pattern: '^[0-9a-f-]{36}$' };
const text: JsonSchema = {
  type: 'object',
  required: ['zh-CN', 'en'],
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  additionalProperties: false,
};
const dataObject: JsonSchema = { type: 'object', maxProperties: 500, description: 'Bundle data (validated by the bundle’s own schema).' };

// The meta-schema's Department.id is its Id (common.schema.json#/$defs/Department), so a
// department id the API takes is one a definition can name.
const departmentId: JsonSchema = { ...id, description: 'A department id (a definition id: the meta-schema’s Department.id is its Id).' };

/** Shared parameter schemas. */
export const schemas = { id, departmentId, applicationId, version, instant, sha256 };

/**
 * What a value must look like, in words, for patterns whose ajv message ("must match pattern
 * "^[a-z]…"") would only show the expression; keyed by the pattern.
 * @example patternMessages.get(schemas.id.pattern)?.en // 'must be lower-case letters, digits and single hyphens, …'
 */
export const patternMessages: ReadonlyMap<string, Text> = new Map([[definitionId.pattern, definitionId.message]]);

/**
 * Component schemas of the OpenAPI document. Request bodies are validated against them
 * (ajv, JSON Schema 2020-12); tests check responses against them too.
 */
export const componentSchemas = {
  Error: {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { type: 'string', description: 'Stable error code (see docs/api.md).' },
      message: { type: 'string', description: 'Human-readable, in the Accept-Language locale (zh-CN or en).' },
      pointer: { type: 'string', description: 'JSON pointer to the offending input.' },
      errors: { type: 'array', items: { type: 'object' }, description: 'Validation errors (ajv-shaped, message in every locale).' },
    },
  },
  Text: text,
  FileRef: {
    type: 'object',
    required: ['sha256', 'name', 'size', 'type'],
    additionalProperties: false,
    properties: { sha256, name: { type: 'string', minLength: 1, maxLength: 255 }, size: { type: 'integer', minimum: 0 }, type: { type: 'string', maxLength: 100 } },
  },
  MaterialValue: {
    oneOf: [
      {
        type: 'object',
        required: ['files'],
        additionalProperties: false,
        properties: { files: { type: 'array', maxItems: 20, items: { $ref: '#/components/schemas/FileRef' } } },
      },
      {
        type: 'object',
        required: ['eLicense'],
        additionalProperties: false,
        properties: {
          eLicense: {
            type: 'object',
            required: ['type'],
            additionalProperties: false,
            description: 'The e-licence chosen instead of an upload; without `number` the department retrieves the applicant’s licence of this type.',
            properties: { type: { type: 'string', maxLength: 100 }, number: { type: 'string', maxLength: 100 } },
          },
        },
      },
    ],
  },
  Materials: {
    type: 'object',
    maxProperties: 100,
    propertyNames: { pattern: definitionId.pattern, maxLength: definitionId.maxLength, description: 'Material ids (definition ids).' },
    additionalProperties: { $ref: '#/components/schemas/MaterialValue' },
  },
  DraftCreate: {
    type: 'object',
    required: ['bundle'],
    additionalProperties: false,
    properties: {
      bundle: id,
      version: { ...version, description: 'Exact bundle version; default: the newest published.' },
      answers: dataObject,
      data: dataObject,
      materials: { $ref: '#/components/schemas/Materials' },
      submit: { type: 'boolean', description: 'Submit at once (requires Idempotency-Key).' },
    },
  },
  DraftUpdate: {
    type: 'object',
    required: ['revision'],
    additionalProperties: false,
    properties: {
      revision: { type: 'integer', minimum: 1, description: 'The revision this update was made from (compare-and-set).' },
      answers: dataObject,
      data: dataObject,
      materials: { $ref: '#/components/schemas/Materials' },
    },
  },
  Submission: {
    type: 'object',
    additionalProperties: false,
    properties: {
      revision: { type: 'integer', minimum: 1, description: 'Submit the draft at this revision (compare-and-set).' },
      answers: dataObject,
      data: dataObject,
      materials: { $ref: '#/components/schemas/Materials' },
    },
  },
  FlowEvent: {
    type: 'object',
    required: ['type', 'revision'],
    additionalProperties: false,
    properties: {
      type: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.:-]{0,99}$', description: 'The event name the flow accepts.' },
      revision: { type: 'integer', minimum: 1, description: 'The revision the actor saw (compare-and-set).' },
      item: { ...id, description: 'The item the event is for (parallel item charts).' },
      payload: {
        type: 'object',
        maxProperties: 100,
        description:
          'Event payload, e.g. REQUEST_SUPPLEMENT `SupplementRequest`, SUPPLEMENT `{ data: <merge patch>, materials }`, REJECT `{ reason }` (see docs/flows.md).',
      },
    },
    // A supplement request's payload has its own shape; the flow checks the rest (known fields, a reason for each).
    if: { type: 'object', required: ['type'], properties: { type: { const: 'REQUEST_SUPPLEMENT' } } },
    then: { type: 'object', properties: { payload: { $ref: '#/components/schemas/SupplementRequest' } } },
  },
  SupplementRequest: {
    type: 'object',
    description:
      'The payload of REQUEST_SUPPLEMENT (补正): the flagged fields (bundle-data paths) and materials (ids), each bare or with its own reason, ' +
      'and the overall `reason`, which covers the entries without one (it may be left out when every entry has its own). The flow refuses an entry named twice, ' +
      'an unknown one or one without any reason (400 `invalid-event`).',
    properties: {
      fields: {
        type: 'array',
        maxItems: 200,
        items: {
          anyOf: [
            { type: 'string', description: 'A bundle-data path, e.g. `child.name`.' },
            { type: 'object', required: ['path'], additionalProperties: false, properties: { path: { type: 'string' }, reason: { type: 'string', minLength: 1, maxLength: 500 } } },
          ],
        },
      },
      materials: {
        type: 'array',
        maxItems: 200,
        items: {
          anyOf: [
            { type: 'string', description: 'A material id.' },
            { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string' }, reason: { type: 'string', minLength: 1, maxLength: 500 } } },
          ],
        },
      },
      reason: { type: 'string', maxLength: 2000, description: 'The round’s overall reason.' },
    },
  },
  Rating: {
    type: 'object',
    required: ['score'],
    additionalProperties: false,
    properties: { score: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 1000 } },
  },
  RatingRecord: {
    type: 'object',
    required: ['applicationId', 'score', 'comment', 'at'],
    properties: { applicationId: { type: 'string' }, score: { type: 'integer' }, comment: { type: 'string' }, at: instant },
  },
  Portal: {
    type: 'object',
    required: ['origin', 'name'],
    additionalProperties: false,
    properties: {
      origin: { type: 'string', maxLength: 200, pattern: '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$', description: 'Scheme, host and port, no path.' },
      name: { type: 'string', minLength: 1, maxLength: 200 },
    },
  },
  DefinitionBody: {
    type: 'object',
    required: ['kind', 'id', 'version'],
    properties: { kind: { enum: ['item', 'bundle', 'concepts', 'overlay'] }, id, version },
    description: 'A definition file (checked in depth by the engine’s meta-schemas and linter).',
  },
  DefinitionDraft: {
    type: 'object',
    required: ['definition'],
    additionalProperties: false,
    properties: {
      definition: { $ref: '#/components/schemas/DefinitionBody' },
      revision: { type: 'integer', minimum: 1, description: 'The draft revision being updated; omit to create the draft.' },
    },
  },
  Publish: {
    type: 'object',
    required: ['revision'],
    additionalProperties: false,
    properties: { revision: { type: 'integer', minimum: 1 } },
  },
  Definition: {
    type: 'object',
    required: ['kind', 'id', 'version', 'status', 'hash', 'revision'],
    properties: {
      kind: { type: 'string' },
      id: { type: 'string' },
      version: { type: 'string' },
      status: { enum: ['draft', 'published'] },
      hash: sha256,
      revision: { type: 'integer' },
      createdAt: instant,
      updatedAt: instant,
      publishedAt: { type: ['string', 'null'] },
      body: { type: 'object' },
    },
  },
  AuditEntry: {
    type: 'object',
    required: ['seq', 'at', 'actor', 'event', 'to', 'hash'],
    properties: {
      seq: { type: 'integer' },
      at: instant,
      actor: { type: 'object', required: ['role'], properties: { role: { type: 'string' }, sub: { type: 'string' }, department: { type: 'string' } } },
      event: { type: 'string' },
      item: { type: 'string' },
      from: { description: 'State value before (a string or a nested object), null for the first entry.' },
      to: { description: 'State value after.' },
      detail: {},
      dataHash: sha256,
      prevHash: { oneOf: [sha256, { type: 'null' }] },
      hash: sha256,
    },
  },
  Deadline: {
    type: 'object',
    required: ['key', 'due', 'event', 'status'],
    properties: { key: { type: 'string' }, due: instant, event: { type: 'string' }, status: { enum: ['pending', 'fired', 'cancelled'] } },
  },
  ApplicationSummary: {
    type: 'object',
    required: ['id', 'revision', 'bundle', 'status', 'state', 'region', 'createdAt', 'updatedAt'],
    properties: {
      id: { type: 'string' },
      revision: { type: 'integer' },
      bundle: { type: 'object', required: ['id', 'version', 'hash'], properties: { id: { type: 'string' }, version: { type: 'string' }, hash: sha256 } },
      status: { enum: ['draft', 'open', 'closed'] },
      state: { type: 'string' },
      region: { type: 'string' },
      departments: { type: 'array', items: { type: 'string' } },
      nextDeadline: { type: ['string', 'null'] },
      createdAt: instant,
      updatedAt: instant,
      submittedAt: { type: ['string', 'null'] },
      applicantName: { type: ['string', 'null'], description: 'The name of the person it is for, masked (王芳 → 王*): `applicant.name`, else `legalRepresentative.name`, `mother.name`, `father.name`.' },
    },
  },
  Application: {
    allOf: [
      { $ref: '#/components/schemas/ApplicationSummary' },
      {
        type: 'object',
        required: ['answers', 'data', 'materials'],
        properties: {
          answers: { type: 'object' },
          data: { type: 'object' },
          materials: { type: 'object' },
          flow: {
            description:
              'The flow view: state, items with their states and outcomes, supplement rounds (`supplements`, `openSupplement`: the flagged `fields` and `materials`, the overall `reason` if any, and each entry’s own in `fieldReasons` / `materialReasons`), events you may send.',
          },
          timeline: { type: 'array', items: { $ref: '#/components/schemas/AuditEntry' } },
          deadlines: { type: 'array', items: { $ref: '#/components/schemas/Deadline' } },
          attachments: { type: 'array', items: { type: 'object' } },
          rating: { oneOf: [{ $ref: '#/components/schemas/RatingRecord' }, { type: 'null' }] },
          notifications: { type: 'array', items: { $ref: '#/components/schemas/Notification' }, description: 'Your notifications about this application, newest first (at most 50).' },
          stateTitles: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Text' }, description: 'The title of every state of the flow, by path (`reception.preReview`, `processing.<item>.review`).' },
          eventTitles: { type: 'object', additionalProperties: { $ref: '#/components/schemas/Text' }, description: 'The title of every event of the flow, by `<TYPE>` (the orchestration’s) or `<item>/<TYPE>`: the timeline’s events by name.' },
          allowedEvents: {
            type: 'array',
            description: 'The flow events you may send now (POST …/events), decided by the flow for your roles and the current state; empty for drafts.',
            items: {
              type: 'object',
              required: ['type', 'title', 'branches'],
              properties: {
                type: { type: 'string' },
                item: { type: 'string', description: 'The item whose chart takes it: send it as `item`.' },
                title: { $ref: '#/components/schemas/Text' },
                branches: { type: 'array', description: 'The transitions it may take, with the state each leads to (`target.outcome` for an item’s decision).' },
                input: { enum: ['supplement', 'reason'], description: 'What the event carries: a supplement request or a reason.' },
                reasonRequired: { type: 'boolean' },
              },
            },
          },
        },
      },
    ],
  },
  Notification: {
    type: 'object',
    required: ['id', 'at', 'template', 'title', 'body'],
    properties: {
      id: { type: 'string' },
      applicationId: { type: 'string' },
      at: instant,
      template: { type: 'string', description: 'The template the flow named (`item-approved`, `onething.accepted`, …).' },
      item: { type: ['string', 'null'] },
      title: { $ref: '#/components/schemas/Text' },
      body: { $ref: '#/components/schemas/Text' },
    },
  },
  ApplicationPage: {
    type: 'object',
    required: ['items', 'next'],
    properties: {
      items: { type: 'array', items: { $ref: '#/components/schemas/ApplicationSummary' } },
      next: { type: ['string', 'null'], description: 'Cursor of the next page (pass as `after`), null on the last page.' },
    },
  },
} satisfies Record<string, JsonSchema>;
