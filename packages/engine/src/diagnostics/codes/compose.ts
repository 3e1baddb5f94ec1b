import { defineCode } from '../define.js';
import type { Text } from '../../text.js';
import type { DiagnosticCode } from '../types.js';
import { text } from '../../text.js';

/* Concept merging: two sources (an item or the concept dictionary) disagree about one field. */

export const conceptTypeConflict = defineCode<{ path: string; first: Text; second: Text; firstType: string; secondType: string }>(
  'concept-type-conflict',
  'error',
  text('概念字段类型不兼容', 'Incompatible types for a shared field'),
  ({ path, first, second, firstType, secondType }) =>
    text(
      `字段“${path}”：${first['zh-CN']} 定义为 ${firstType}，${second['zh-CN']} 定义为 ${secondType}，两者无法合并`,
      `Field "${path}": ${first.en} makes it ${firstType} but ${second.en} makes it ${secondType}; they cannot be merged`,
    ),
);

export const conceptEnumEmpty = defineCode<{ path: string; first: Text; second: Text }>(
  'concept-enum-empty',
  'error',
  text('共享字段的可选值没有交集', 'No allowed value is common to the sources of a shared field'),
  ({ path, first, second }) =>
    text(
      `字段“${path}”：${first['zh-CN']} 与 ${second['zh-CN']} 允许的取值（enum/const）没有交集，无法填写`,
      `Field "${path}": the values allowed by ${first.en} and by ${second.en} (enum/const) have nothing in common, so no answer is valid`,
    ),
);

export const conceptBoundsConflict = defineCode<{ path: string; lower: string; upper: string; first: Text; second: Text }>(
  'concept-bounds-conflict',
  'error',
  text('共享字段的范围相互矛盾', 'Contradictory bounds on a shared field'),
  ({ path, lower, upper, first, second }) =>
    text(
      `字段“${path}”：${first['zh-CN']} 的 ${lower} 与 ${second['zh-CN']} 的 ${upper} 相互矛盾，无法填写`,
      `Field "${path}": ${lower} from ${first.en} contradicts ${upper} from ${second.en}, so no answer is valid`,
    ),
);

export const conceptFormatConflict = defineCode<{ path: string; first: Text; second: Text; firstFormat: string; secondFormat: string }>(
  'concept-format-conflict',
  'error',
  text('共享字段的格式不一致', 'Different formats for a shared field'),
  ({ path, first, second, firstFormat, secondFormat }) =>
    text(
      `字段“${path}”：${first['zh-CN']} 要求格式 ${firstFormat}，${second['zh-CN']} 要求格式 ${secondFormat}`,
      `Field "${path}": ${first.en} requires format ${firstFormat} but ${second.en} requires ${secondFormat}`,
    ),
);

export const materialAcceptEmpty = defineCode<{ material: string; items: string }>(
  'material-accept-empty',
  'error',
  text('合并后的材料没有共同接受的文件类型', 'Merged material accepts no file type'),
  ({ material, items }) =>
    text(
      `材料“${material}”（${items}）合并后没有各事项都接受的文件类型，无法上传`,
      `Material "${material}" (${items}): no file type is accepted by every item that asks for it, so nothing can be uploaded`,
    ),
);

export const composeKeywordDropped = defineCode<{ keyword: string; path: string }>(
  'compose-keyword-dropped',
  'warning',
  text('组合时忽略了对象级约束', 'Object-level constraint dropped by composition'),
  ({ keyword, path }) =>
    text(
      `分组“${path}”上的 ${keyword} 在组合表单中无法表达，已忽略；跨字段条件请写成 ui.rules 的 JSON Logic 规则`,
      `${keyword} on the group "${path}" cannot be expressed in the composed form and was dropped; write conditions between fields as JSON Logic in ui.rules`,
    ),
);

export const composeRecursiveRef = defineCode<{ ref: string }>(
  'compose-recursive-ref',
  'error',
  text('递归的 $ref 无法组合', 'Recursive $ref cannot be composed'),
  ({ ref }) =>
    text(
      `$ref “${ref}” 引用了自身所在的模式；组合表单需要有限的结构，此处按任意值处理`,
      `$ref "${ref}" refers to a schema that contains it; the composed form needs a finite structure, so this place accepts any value`,
    ),
);

/** Diagnostic codes of the compose area. Each needs a page docs/errors/<code>.md. */
export const composeCodes: DiagnosticCode<any>[] = [
  conceptTypeConflict,
  conceptEnumEmpty,
  conceptBoundsConflict,
  conceptFormatConflict,
  materialAcceptEmpty,
  composeKeywordDropped,
  composeRecursiveRef,
];
