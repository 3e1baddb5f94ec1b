import type { DiagnosticCode } from '../types.js';
import { defineCode } from '../define.js';
import { text, type Text } from '../../text.js';

// Codes reported by `load` (reading files, the meta-schemas, indexing) and by the lint
// rules in `src/lint/` for definitions. Each has a page docs/errors/<code>.md.

/* ---------- reading files ---------- */

export const jsonSyntaxError = defineCode<{ line: number; column: number; problem: Text }>(
  'json-syntax-error',
  'error',
  text('JSON 语法错误', 'JSON syntax error'),
  ({ line, column, problem }) =>
    text(`第 ${line} 行第 ${column} 列：${problem['zh-CN']}`, `Line ${line}, column ${column}: ${problem.en}`),
);

export const jsonTooDeep = defineCode<{ limit: number }>(
  'json-too-deep',
  'error',
  text('JSON 嵌套过深', 'JSON nested too deeply'),
  ({ limit }) => text(`文件嵌套超过 ${limit} 层，未读取`, `The file nests deeper than ${limit} levels and was not read`),
);

export const notJsonValue = defineCode<{ found: string }>(
  'not-json-value',
  'error',
  text('不是 JSON 值', 'Not a JSON value'),
  ({ found }) => text(`此处的值不是 JSON（${found}）`, `The value here is not JSON (${found})`),
);

export const missingKind = defineCode(
  'missing-kind',
  'error',
  text('缺少 kind', 'Missing kind'),
  () =>
    text(
      '文件不是带有 "kind" 的定义对象（item、bundle、concepts、overlay 之一）',
      'The file is not a definition object with a "kind" (one of item, bundle, concepts, overlay)',
    ),
);

export const unknownKind = defineCode<{ kind: string }>(
  'unknown-kind',
  'error',
  text('未知的定义类型', 'Unknown definition kind'),
  ({ kind }) =>
    text(
      `未知的 kind ${kind}，应为 item、bundle、concepts 或 overlay`,
      `Unknown kind ${kind}; expected item, bundle, concepts or overlay`,
    ),
);

export const invalidDefinition = defineCode<{ problem: Text }>(
  'invalid-definition',
  'error',
  text('定义不符合元模式', 'Definition does not match its meta-schema'),
  ({ problem }) => problem,
);

/* ---------- indexing ---------- */

export const duplicateId = defineCode<{ kind: string; id: string; version: string; first: string }>(
  'duplicate-id',
  'error',
  text('重复的定义', 'Duplicate definition'),
  ({ kind, id, version, first }) =>
    text(
      `${kind} “${id}” 的版本 ${version} 已在 ${first} 中定义，此文件未载入`,
      `${kind} "${id}" version ${version} is already defined in ${first}; this file was not loaded`,
    ),
);

export const duplicateConcept = defineCode<{ concept: string; first: string }>(
  'duplicate-concept',
  'error',
  text('重复的概念', 'Duplicate concept'),
  ({ concept, first }) =>
    text(`概念“${concept}”已在 ${first} 中定义`, `Concept "${concept}" is already defined in ${first}`),
);

export const duplicateELicense = defineCode<{ type: string; first: string }>(
  'duplicate-e-license',
  'error',
  text('重复的电子证照类型', 'Duplicate e-licence type'),
  ({ type, first }) =>
    text(`电子证照类型“${type}”已在 ${first} 中定义`, `E-licence type "${type}" is already defined in ${first}`),
);

/* ---------- references between definitions ---------- */

export const unknownConcept = defineCode<{ concept: string }>(
  'unknown-concept',
  'error',
  text('未知概念', 'Unknown concept'),
  ({ concept }) =>
    text(`x-concept 指向未定义的概念“${concept}”`, `x-concept names the concept "${concept}", which no loaded dictionary defines`),
);

export const unknownELicense = defineCode<{ type: string }>(
  'unknown-e-license',
  'error',
  text('未知的电子证照类型', 'Unknown e-licence type'),
  ({ type }) =>
    text(`电子证照类型“${type}”未在任何概念字典的 eLicenses 中定义`, `E-licence type "${type}" is defined in no concept dictionary's eLicenses`),
);

export const unknownItem = defineCode<{ item: string }>(
  'unknown-item',
  'error',
  text('未知事项', 'Unknown item'),
  ({ item }) => text(`未载入 id 为“${item}”的事项`, `No item with id "${item}" is loaded`),
);

export const duplicateBundleItem = defineCode<{ item: string; first: number }>(
  'duplicate-bundle-item',
  'error',
  text('组合中重复的事项', 'Item listed twice in a bundle'),
  ({ item, first }) =>
    text(
      `事项“${item}”已在第 ${first + 1} 项列出；一件事中每个事项只办一次，重复项被忽略`,
      `Item "${item}" is already listed as entry ${first + 1}; a bundle handles each item once, so this entry is ignored`,
    ),
);

export const itemVersionUnmatched = defineCode<{ item: string; range: string; versions: string }>(
  'item-version-unmatched',
  'error',
  text('没有符合版本范围的事项', 'No item version matches the range'),
  ({ item, range, versions }) =>
    text(
      `事项“${item}”没有符合 ${range} 的版本（已载入：${versions}）`,
      `No version of item "${item}" satisfies ${range} (loaded: ${versions})`,
    ),
);

export const invalidVersionRange = defineCode<{ range: string }>(
  'invalid-version-range',
  'error',
  text('无效的版本范围', 'Invalid version range'),
  ({ range }) => text(`“${range}”不是有效的 semver 版本范围`, `"${range}" is not a valid semver range`),
);

export const conceptNamespaceCollision = defineCode<{ namespace: string }>(
  'concept-namespace-collision',
  'error',
  text('概念命名空间与事项 id 冲突', 'Concept namespace collides with an item id'),
  ({ namespace }) =>
    text(
      `概念命名空间“${namespace}”与同名事项 id 冲突：组合表单中两者的数据位置相同`,
      `Concept namespace "${namespace}" is also an item id: both would own the same place in the composed form's data`,
    ),
);

export const overlayUnknownBase = defineCode<{ kind: string; id: string; range: string }>(
  'overlay-unknown-base',
  'warning',
  text('叠加层的基础定义未载入', 'Overlay base is not loaded'),
  ({ kind, id, range }) =>
    text(`未载入符合 ${range} 的 ${kind}“${id}”，叠加层无法应用`, `No ${kind} "${id}" matching ${range} is loaded; the overlay cannot apply`),
);

/* ---------- rules and field paths ---------- */

export const ruleUnknownField = defineCode<{ field: string; scope: Text }>(
  'rule-unknown-field',
  'error',
  text('规则读取不存在的字段', 'Rule reads a field that does not exist'),
  ({ field, scope }) =>
    text(`规则读取字段“${field}”，但${scope['zh-CN']}中没有此字段`, `The rule reads "${field}", which is not a field of ${scope.en}`),
);

export const uiUnknownField = defineCode<{ field: string }>(
  'ui-unknown-field',
  'error',
  text('界面引用不存在的字段', 'UI names a field that does not exist'),
  ({ field }) => text(`“${field}”不是数据模式中的字段`, `"${field}" is not a field of the data schema`),
);

export const fieldNotInSection = defineCode<{ field: string }>(
  'field-not-in-section',
  'warning',
  text('字段未列入任何分区', 'Field is in no section'),
  ({ field }) =>
    text(`已定义分区，但字段“${field}”不在任何分区中，表单不会显示它`, `Sections are given, but "${field}" is in none of them, so the form does not show it`),
);

/* ---------- data schemas ---------- */

export const invalidJsonSchema = defineCode<{ problem: Text }>(
  'invalid-json-schema',
  'error',
  text('数据模式不是有效的 JSON Schema', 'Data schema is not valid JSON Schema'),
  ({ problem }) => text(`不是有效的 JSON Schema 2020-12：${problem['zh-CN']}`, `Not valid JSON Schema 2020-12: ${problem.en}`),
);

export const invalidPropertyName = defineCode<{ name: string; reserved?: boolean }>(
  'invalid-property-name',
  'error',
  text('无效的属性名', 'Invalid property name'),
  ({ name, reserved }) =>
    reserved
      ? text(
          `“${name}”是保留名称：以它命名的字段，规则读不到，表单也存不下`,
          `"${name}" is a reserved name: rules cannot read a field so named and forms cannot store it`,
        )
      : text(
          `属性名“${name}”须以字母开头，只含字母、数字和下划线`,
          `Property name "${name}" must start with a letter and contain only letters, digits and underscores`,
        ),
);

export const conceptInArray = defineCode<{ concept: string }>(
  'concept-in-array',
  'error',
  text('数组元素中不支持 x-concept', 'x-concept is not supported inside array items'),
  ({ concept }) =>
    text(
      `数组（可重复分组）元素中的字段不能绑定概念“${concept}”：每一行各有其值，无法与其他事项合并`,
      `A field inside array items (a repeatable group) cannot bind concept "${concept}": each row has its own value, which cannot be merged with other items`,
    ),
);

export const patternInvalid = defineCode<{ pattern: string; reason: string }>(
  'pattern-invalid',
  'error',
  text('无效的正则表达式', 'Invalid regular expression'),
  ({ pattern, reason }) =>
    text(`pattern ${JSON.stringify(pattern)} 不是有效的正则表达式（${reason}）`, `pattern ${JSON.stringify(pattern)} is not a valid regular expression (${reason})`),
);

export const patternNotRe2 = defineCode<{ pattern: string; reason: string }>(
  'pattern-not-re2',
  'error',
  text('RE2 无法执行的正则表达式', 'Pattern RE2 cannot run'),
  ({ pattern, reason }) =>
    text(
      `服务器以 RE2 执行 pattern，${JSON.stringify(pattern)} 不受支持（${reason}）`,
      `The server runs patterns with RE2, which cannot run ${JSON.stringify(pattern)} (${reason})`,
    ),
);

export const patternNestedQuantifier = defineCode<{ pattern: string; at: string }>(
  'pattern-nested-quantifier',
  'error',
  text('嵌套量词（灾难性回溯）', 'Nested quantifier (catastrophic backtracking)'),
  ({ pattern, at }) =>
    text(
      `pattern ${JSON.stringify(pattern)} 中的 ${at} 能以指数多种方式匹配同一段文本（重复中再重复，或重复可重叠的分支），浏览器的回溯正则引擎可能因此卡住`,
      `In pattern ${JSON.stringify(pattern)}, ${at} can match the same text in exponentially many ways (a repetition inside a repetition, or overlapping alternatives repeated); a browser's backtracking RegExp engine can hang on it`,
    ),
);

export const schemaTooLarge = defineCode<{ bytes: number; limit: number }>(
  'schema-too-large',
  'error',
  text('数据模式过大', 'Schema too large'),
  ({ bytes, limit }) =>
    text(`数据模式有 ${bytes} 字节，超过上限 ${limit} 字节`, `The schema is ${bytes} bytes, over the limit of ${limit}`),
);

export const schemaTooDeep = defineCode<{ depth: number; limit: number }>(
  'schema-too-deep',
  'error',
  text('数据模式嵌套过深', 'Schema nested too deeply'),
  ({ depth, limit }) =>
    text(`数据模式嵌套 ${depth} 层，超过上限 ${limit} 层`, `The schema nests ${depth} levels deep, over the limit of ${limit}`),
);

export const schemaDataReference = defineCode(
  'schema-data-reference',
  'error',
  text('不支持 $data', '$data is not supported'),
  () =>
    text(
      '不支持 $data 引用：约束须是字面值，跨字段条件请用 ui.rules 的 JSON Logic 规则',
      '$data references are not supported: constraints must be literal; express conditions between fields as JSON Logic in ui.rules',
    ),
);

export const schemaExternalRef = defineCode<{ ref: string }>(
  'schema-external-ref',
  'error',
  text('$ref 指向定义集之外', '$ref leaves the definition set'),
  ({ ref }) =>
    text(
      `$ref “${ref}” 指向定义集之外；只允许本地引用（#/...）或已载入定义中的 $id`,
      `$ref "${ref}" leaves the definition set; only local refs (#/...) or the $id of a loaded definition are allowed`,
    ),
);

export const schemaUnresolvedRef = defineCode<{ ref: string }>(
  'schema-unresolved-ref',
  'error',
  text('$ref 无法解析', 'Unresolved $ref'),
  ({ ref }) => text(`$ref “${ref}” 在本模式中指向不存在的位置`, `$ref "${ref}" points at nothing in this schema`),
);

/* ---------- limits ---------- */

export const promisedExceedsLegal = defineCode<{ promised: number; legal: number }>(
  'promised-exceeds-legal',
  'error',
  text('承诺时限超过法定时限', 'Promised time limit exceeds the statutory one'),
  ({ promised, legal }) =>
    text(`承诺时限 ${promised} 天超过法定时限 ${legal} 天`, `The promised limit of ${promised} days exceeds the statutory limit of ${legal} days`),
);

/* ---------- regions ---------- */

export const unknownRegion = defineCode<{ code: string }>(
  'unknown-region',
  'warning', // a snapshot of the list (NBS 2023); a partner system's base may carry its own code, which an overlay maps
  text('未知的地区代码', 'Unknown region code'),
  ({ code }) =>
    text(
      `地区代码 ${code} 不在区划代码表（GB/T 2260）中；请填写现行的省、市或县级代码`,
      `Region ${code} is not in the division list (GB/T 2260); use the current code of a province, prefecture or county`,
    ),
);

/* ---------- the linter itself ---------- */

export const lintRuleFailed = defineCode<{ rule: string; message: string }>(
  'lint-rule-failed',
  'error',
  text('检查规则内部出错', 'A lint rule failed'),
  ({ rule, message }) =>
    text(
      `检查规则“${rule}”内部出错，未完成检查（${message}）；这是 onething 的缺陷，请报告`,
      `Lint rule "${rule}" failed and did not finish (${message}); this is a bug in onething, please report it`,
    ),
);

/** Diagnostic codes of the definition area. Each needs a page docs/errors/<code>.md. */
export const definitionCodes: DiagnosticCode<any>[] = [
  jsonSyntaxError,
  jsonTooDeep,
  notJsonValue,
  missingKind,
  unknownKind,
  invalidDefinition,
  duplicateId,
  duplicateConcept,
  duplicateELicense,
  unknownConcept,
  unknownELicense,
  unknownItem,
  duplicateBundleItem,
  itemVersionUnmatched,
  invalidVersionRange,
  conceptNamespaceCollision,
  overlayUnknownBase,
  ruleUnknownField,
  uiUnknownField,
  fieldNotInSection,
  invalidJsonSchema,
  invalidPropertyName,
  conceptInArray,
  patternInvalid,
  patternNotRe2,
  patternNestedQuantifier,
  schemaTooLarge,
  schemaTooDeep,
  schemaDataReference,
  schemaExternalRef,
  schemaUnresolvedRef,
  promisedExceedsLegal,
  unknownRegion,
  lintRuleFailed,
];
