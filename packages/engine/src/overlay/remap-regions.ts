import type { Diagnostic } from '../diagnostics/types.js';
import type { Json } from '../json.js';
import { pointer, report } from '../diagnostics/define.js';
import {
  overlayRegionLevel,
  overlayRegionParent,
  overlayRegionProvince,
  overlayUnknownRegion,
  overlayUnmappedRegion,
  overlayUnusedMapping,
} from '../diagnostics/codes/exchange.js';
import { isDivisionCode } from '../validate/divisions/codes.js';
import { text, type Text } from '../text.js';
import type { CodeOccurrence, CodeSite } from './division-codes.js';
import { divisionAncestors, divisionContains, divisionLevel } from './division-levels.js';
import { replaceAt } from './pointer.js';

/** What the region remapping needs to know. */
export interface RegionRemapInput {
  /** Codes the base wrote (not the patch): each must be mapped or kept. */
  fromBase: CodeOccurrence[];
  /** Codes the patch wrote: the overlay's own, so they must exist but are not remapped. */
  fromPatch: CodeOccurrence[];
  /** `remap.regions` of the overlay. */
  regions: Readonly<Record<string, string | undefined>>;
  /** The adapting region (`overlay.region`). */
  region: string;
  baseFile: string;
  overlayFile: string;
}

const SITES: Record<CodeSite, Text> = {
  region: text('地区（region）', 'the region'),
  schema: text('数据模式的取值', 'a schema value'),
  rule: text('规则', 'a rule'),
};

/**
 * Checks `remap.regions` against the codes a definition uses: every code the base wrote is
 * mapped or kept (mapped to itself); targets and kept codes exist in the division list; a
 * mapping keeps the level (county → county), stays in the overlay region's province and
 * respects the hierarchy (a county follows its mapped prefecture). Codes the patch wrote must
 * exist. Returns the diagnostics.
 * @example checkRegionRemap({ fromBase, fromPatch: [], regions: { '420703': '411502' }, region: '411502', baseFile, overlayFile })
 */
export function checkRegionRemap(input: RegionRemapInput): Diagnostic[] {
  const { regions, region, overlayFile } = input;
  const found: Diagnostic[] = [];
  const at = (code: string) => ({ file: overlayFile, pointer: pointer('remap', 'regions', code) });
  if (!isDivisionCode(region)) {
    found.push(report(overlayUnknownRegion, { file: overlayFile, pointer: '/region' }, { code: region, role: text('叠加层的地区', "The overlay's region") }));
  }
  const used = new Set(input.fromBase.map((o) => o.code));
  for (const [from, to] of Object.entries(regions)) {
    if (to === undefined) continue;
    if (!used.has(from)) found.push(report(overlayUnusedMapping, at(from), { what: text('区划代码', 'division code'), key: from }));
    if (from === to) {
      if (!isDivisionCode(from)) found.push(report(overlayUnknownRegion, at(from), { code: from, role: text('保留的区划代码', 'The kept division code') }));
      continue;
    }
    if (!isDivisionCode(to)) {
      found.push(report(overlayUnknownRegion, at(from), { code: to, role: text('映射目标', 'The mapping target') }));
      continue;
    }
    const [fromLevel, toLevel] = [divisionLevel(from), divisionLevel(to)];
    if (fromLevel !== toLevel) found.push(report(overlayRegionLevel, at(from), { from, to, fromLevel, toLevel }));
    if (to.slice(0, 2) !== region.slice(0, 2)) found.push(report(overlayRegionProvince, at(from), { from, to, region }));
    for (const parent of divisionAncestors(from)) {
      const parentTo = regions[parent];
      if (parentTo !== undefined && parent !== parentTo && !divisionContains(parentTo, to)) {
        found.push(report(overlayRegionParent, at(from), { from, to, parent, parentTo }));
      }
    }
  }
  for (const o of input.fromBase) {
    if (regions[o.code] !== undefined) continue;
    found.push(
      report(
        overlayUnmappedRegion,
        { file: input.baseFile, pointer: o.pointer, related: [{ file: overlayFile, pointer: '/remap/regions' }] },
        { code: o.literal === o.code ? o.code : `${o.code} (${o.literal}…)`, where: SITES[o.site] },
      ),
    );
  }
  for (const o of input.fromPatch) {
    if (!isDivisionCode(o.code)) {
      found.push(report(overlayUnknownRegion, { file: overlayFile, pointer: `/patch${o.pointer}` }, { code: o.literal, role: text('补丁写入的区划代码', 'The division code the patch writes') }));
    }
  }
  return found;
}

/**
 * Writes the mapped codes into the (already copied) definition: a full code becomes its
 * target, a prefix the target's prefix of the same length. Unmapped codes stay as they are
 * (`checkRegionRemap` reported them).
 * @example applyRegionRemap(copy, fromBase, { '420703': '411502' })
 */
export function applyRegionRemap(definition: Json, fromBase: CodeOccurrence[], regions: Readonly<Record<string, string | undefined>>): void {
  for (const o of fromBase) {
    const to = regions[o.code];
    if (to !== undefined) replaceAt(definition, o.pointer, to.slice(0, o.literal.length));
  }
}
