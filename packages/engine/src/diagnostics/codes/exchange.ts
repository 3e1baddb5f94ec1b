import type { DiagnosticCode } from '../types.js';
import { defineCode } from '../define.js';
import { text, type Text } from '../../text.js';

// Codes reported when partner regions exchange definitions: applying an overlay
// (`src/overlay/`) and packing or verifying a signed package (`src/package/`).
// Each has a page docs/errors/<code>.md; docs/exchange.md explains the workflow.

const LEVELS: Record<string, Text> = {
  province: text('省级', 'province-level'),
  prefecture: text('地级', 'prefecture-level'),
  county: text('县级', 'county-level'),
};
const level = (name: string, locale: 'zh-CN' | 'en') => LEVELS[name]?.[locale] ?? name;

/* ---------- applying an overlay ---------- */

export const overlayBaseMismatch = defineCode<{ expected: string; found: string }>(
  'overlay-base-mismatch',
  'error',
  text('基础定义与叠加层不符', 'Base does not match the overlay'),
  ({ expected, found }) =>
    text(`叠加层适用于 ${expected}，但给出的基础定义是 ${found}`, `The overlay adapts ${expected}, but the base given is ${found}`),
);

export const overlayPatchIdentity = defineCode<{ key: string }>(
  'overlay-patch-identity',
  'error',
  text('补丁修改了定义标识', 'Patch changes the identity'),
  ({ key }) =>
    text(
      `补丁不能修改 ${key}：改编后的定义使用叠加层自身的 id 和 version`,
      `The patch may not change ${key}: the adapted definition takes the overlay's own id and version`,
    ),
);

export const overlayUnmappedRegion = defineCode<{ code: string; where: Text }>(
  'overlay-unmapped-region',
  'error',
  text('区划代码未映射', 'Division code not remapped'),
  ({ code, where }) =>
    text(
      `基础定义在${where['zh-CN']}使用区划代码 ${code}，叠加层既未映射也未声明保留（在 remap.regions 中映射到本地代码，或映射到自身以保留）`,
      `The base uses division code ${code} in ${where.en}; the overlay neither maps nor keeps it (map it to a local code in remap.regions, or to itself to keep it)`,
    ),
);

export const overlayUnknownRegion = defineCode<{ code: string; role: Text }>(
  'overlay-unknown-region',
  'error',
  text('区划代码不存在', 'Division code does not exist'),
  ({ code, role }) =>
    text(
      `${role['zh-CN']} ${code} 不在区划代码表（GB/T 2260）中`,
      `${role.en} ${code} is not in the division list (GB/T 2260)`,
    ),
);

export const overlayRegionLevel = defineCode<{ from: string; to: string; fromLevel: string; toLevel: string }>(
  'overlay-region-level',
  'error',
  text('区划层级不一致', 'Division level mismatch'),
  ({ from, to, fromLevel, toLevel }) =>
    text(
      `${level(fromLevel, 'zh-CN')}区划 ${from} 被映射到${level(toLevel, 'zh-CN')}区划 ${to}；映射必须保持层级，否则办件会被汇聚到错误的层级`,
      `The ${level(fromLevel, 'en')} division ${from} is mapped to the ${level(toLevel, 'en')} division ${to}; a mapping must keep the level, or cases are aggregated at the wrong level`,
    ),
);

export const overlayRegionProvince = defineCode<{ from: string; to: string; region: string }>(
  'overlay-region-province',
  'error',
  text('映射到其他省份', 'Mapped into another province'),
  ({ from, to, region }) =>
    text(
      `区划 ${from} 被映射到 ${to}，不在叠加层所属地区 ${region} 的省份内`,
      `Division ${from} is mapped to ${to}, which is outside the province of the overlay's region ${region}`,
    ),
);

export const overlayRegionParent = defineCode<{ from: string; to: string; parent: string; parentTo: string }>(
  'overlay-region-parent',
  'error',
  text('映射不符合区划隶属关系', 'Mapping breaks the division hierarchy'),
  ({ from, to, parent, parentTo }) =>
    text(
      `${from} 属于 ${parent}，${parent} 被映射到 ${parentTo}，而 ${from} 被映射到 ${to}，不在 ${parentTo} 之内`,
      `${from} lies within ${parent}, which is mapped to ${parentTo}, but ${from} is mapped to ${to}, outside ${parentTo}`,
    ),
);

export const overlayUnusedMapping = defineCode<{ what: Text; key: string }>(
  'overlay-unused-mapping',
  'warning',
  text('未使用的映射', 'Unused mapping'),
  ({ what, key }) =>
    text(`基础定义中没有${what['zh-CN']} ${key}，此映射不起作用（是否拼写有误？）`, `The base has no ${what.en} ${key}; this mapping does nothing (a typo?)`),
);

export const overlayUnmappedDepartment = defineCode<{ department: string }>(
  'overlay-unmapped-department',
  'error',
  text('部门未映射', 'Department not remapped'),
  ({ department }) =>
    text(
      `基础定义使用部门 ${department}，叠加层未在 remap.departments 中映射（映射到同一 id 以保留）`,
      `The base uses department ${department}, which remap.departments does not map (map it to the same id to keep it)`,
    ),
);

export const overlayRegionMismatch = defineCode<{ found: string; region: string }>(
  'overlay-region-mismatch',
  'error',
  text('改编结果的地区不符', 'Adapted region differs'),
  ({ found, region }) =>
    text(
      `改编后的定义地区为 ${found}，与叠加层的地区 ${region} 不一致`,
      `The adapted definition's region is ${found}, not the overlay's region ${region}`,
    ),
);

export const overlayConflict = defineCode<{ at: string; from: string; to: string }>(
  'overlay-conflict',
  'error',
  text('叠加层与基础定义的修改冲突', 'Overlay conflicts with a base change'),
  ({ at, from, to }) =>
    text(
      `补丁修改了 ${at || '整个定义'}，而基础定义在 ${from} 到 ${to} 之间也修改了此处；请对照新版本检查补丁，再更新 base.writtenAgainst`,
      `The patch changes ${at || 'the whole definition'}, which the base also changed between ${from} and ${to}; review the patch against the new base, then update base.writtenAgainst`,
    ),
);

export const overlayBaseUnavailable = defineCode<{ version: string; hash: string; current: string }>(
  'overlay-base-unavailable',
  'error',
  text('无法检查冲突：原基础定义未载入', 'Cannot check for conflicts: original base not loaded'),
  ({ version, hash, current }) =>
    text(
      `叠加层基于版本 ${version}（哈希 ${hash.slice(0, 12)}…）编写，基础定义现为 ${current} 且内容不同；原版本未载入，无法判断冲突。请载入原版本，或检查补丁后更新 base.writtenAgainst`,
      `The overlay was written against version ${version} (hash ${hash.slice(0, 12)}…); the base is now ${current} with different content, and the original is not loaded, so conflicts cannot be checked. Load the original, or review the patch and update base.writtenAgainst`,
    ),
);

export const overlayBaseUnpinned = defineCode(
  'overlay-base-unpinned',
  'warning',
  text('叠加层未记录基础版本', 'Overlay does not record its base'),
  () =>
    text(
      '叠加层未记录编写时的基础版本（base.writtenAgainst），基础定义更新后无法发现冲突',
      'The overlay does not record the base it was written against (base.writtenAgainst), so conflicts with a later base cannot be found',
    ),
);

/* ---------- signed packages ---------- */

export const packageMalformed = defineCode<{ problem: Text }>(
  'package-malformed',
  'error',
  text('定义包格式错误', 'Malformed package'),
  ({ problem }) => text(`不是有效的定义包：${problem['zh-CN']}`, `Not a valid definition package: ${problem.en}`),
);

export const packageBadKey = defineCode<{ problem: Text }>(
  'package-bad-key',
  'error',
  text('密钥无效', 'Invalid key'),
  ({ problem }) => text(`不是可用的 Ed25519 JWK 密钥：${problem['zh-CN']}`, `Not a usable Ed25519 JWK: ${problem.en}`),
);

export const packageUnknownPublisher = defineCode<{ publisher: string }>(
  'package-unknown-publisher',
  'error',
  text('发布者不受信任', 'Unknown publisher'),
  ({ publisher }) =>
    text(`受信任的密钥中没有发布者 ${publisher} 的密钥`, `No trusted key belongs to the publisher ${publisher}`),
);

export const packageUntrustedKey = defineCode<{ kid: string; publisher: string }>(
  'package-untrusted-key',
  'error',
  text('签名密钥不受信任', 'Signing key not trusted'),
  ({ kid, publisher }) =>
    text(
      `定义包由密钥 ${kid} 签名，它不是发布者 ${publisher} 的受信任密钥`,
      `The package is signed with key ${kid}, which is not a trusted key of the publisher ${publisher}`,
    ),
);

export const packageBadSignature = defineCode<{ kid: string }>(
  'package-bad-signature',
  'error',
  text('签名无效', 'Bad signature'),
  ({ kid }) =>
    text(
      `签名与清单不符（密钥 ${kid}）：清单或签名在签署后被改动`,
      `The signature does not match the manifest (key ${kid}): the manifest or the signature was changed after signing`,
    ),
);

export const packageHashMismatch = defineCode<{ entry: string }>(
  'package-hash-mismatch',
  'error',
  text('定义内容与清单不符', 'Definition does not match its hash'),
  ({ entry }) =>
    text(`${entry} 的内容与清单中的哈希不符：定义在签署后被改动`, `The content of ${entry} does not match its hash in the manifest: it was changed after signing`),
);

export const packageEntryMismatch = defineCode<{ problem: Text }>(
  'package-entry-mismatch',
  'error',
  text('定义与清单条目不对应', 'Definitions and manifest entries differ'),
  ({ problem }) => problem,
);

/** Every code of this file, for the registry. */
export const exchangeCodes: ReadonlyArray<DiagnosticCode<any>> = [
  overlayBaseMismatch,
  overlayPatchIdentity,
  overlayUnmappedRegion,
  overlayUnknownRegion,
  overlayRegionLevel,
  overlayRegionProvince,
  overlayRegionParent,
  overlayUnusedMapping,
  overlayUnmappedDepartment,
  overlayRegionMismatch,
  overlayConflict,
  overlayBaseUnavailable,
  overlayBaseUnpinned,
  packageMalformed,
  packageBadKey,
  packageUnknownPublisher,
  packageUntrustedKey,
  packageBadSignature,
  packageHashMismatch,
  packageEntryMismatch,
];
