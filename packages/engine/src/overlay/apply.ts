import semver from 'semver';
import type { Diagnostic, Result } from '../diagnostics/types.js';
import type { Json } from '../json.js';
import type { Loaded, Registry } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition, OverlayDefinition } from '../definitions/types.generated.js';
import { pointer, report } from '../diagnostics/define.js';
import { invalidDefinition, jsonTooDeep, notJsonValue } from '../diagnostics/codes/definition.js';
import {
  overlayBaseMismatch,
  overlayBaseUnavailable,
  overlayBaseUnpinned,
  overlayConflict,
  overlayPatchIdentity,
  overlayRegionMismatch,
} from '../diagnostics/codes/exchange.js';
import { checkJsonValue } from '../definitions/json-value.js';
import { validateDefinition } from '../definitions/meta-validate.js';
import { MAX_JSON_DEPTH } from '../definitions/load.js';
import { checkAdapted } from './check-result.js';
import { findConflicts } from './conflicts.js';
import { findDivisionCodes } from './division-codes.js';
import { applyMergePatch, isObject } from './merge-patch.js';
import { cloneJson, within } from './pointer.js';
import { applyDepartmentRemap, checkDepartmentRemap, findDepartments } from './remap-departments.js';
import { applyRegionRemap, checkRegionRemap } from './remap-regions.js';
import { remapItems } from './remap-items.js';

type Base = ItemDefinition | BundleDefinition;

export interface ApplyOverlayOptions {
  /**
   * The base the overlay was written against (`base.writtenAgainst`), when the registry does not
   * hold it; needed to check a newer base for conflicts.
   */
  original?: Loaded<Base>;
  /** The file name diagnostics about the adapted definition carry (default `adapted:<id>@<version>`). */
  file?: string;
  /** Run the lint rules on the result (default true; the meta-schema is always checked). */
  lint?: boolean;
}

/**
 * Adapts a partner region's item or bundle with an overlay: applies the JSON Merge Patch
 * (RFC 7396), then remaps division codes, departments and (for a bundle) item references, and
 * gives the result the overlay's own `id` and `version`. Everything is checked, nothing guessed:
 * - every division code the base uses (its `region`, division values in its schema, codes its
 *   rules compare with) must be mapped or kept, to a code that exists, at the same level, in the
 *   overlay region's province, respecting the hierarchy;
 * - every department the base names must be mapped;
 * - when the base is newer than the one the overlay was written against (`base.writtenAgainst`),
 *   each place both changed is an `overlay-conflict` — the original must be loaded to tell;
 * - the result must pass its meta-schema and lint cleanly in `registry`.
 * The value is the adapted definition (also when there are errors, for display), or undefined
 * when the overlay cannot be applied to this base at all. Never throws on bad input.
 * @example
 * const base = registry.resolveItem('household-registration', '^1.0.0')!;
 * const overlay = registry.overlays.get('xinyang-household-registration')!.get('1.0.0')!;
 * const { value, diagnostics } = applyOverlay(base, overlay, registry);
 */
export function applyOverlay<T extends Base>(
  base: Loaded<T>,
  overlay: Loaded<OverlayDefinition> | OverlayDefinition,
  registry: Registry,
  options: ApplyOverlayOptions = {},
): Result<T | undefined> {
  const { definition: spec, file: overlayFile } = asLoaded(overlay);
  const refused = checkInputs(base, spec, overlayFile);
  if (refused.length) return { value: undefined, diagnostics: refused };

  const diagnostics: Diagnostic[] = [];
  diagnostics.push(...checkBaseVersion(base, spec, overlayFile, registry, options.original));
  const patch = (spec.patch ?? {}) as Json;
  for (const key of ['kind', 'id', 'version']) {
    if (isObject(patch) && Object.hasOwn(patch, key)) diagnostics.push(report(overlayPatchIdentity, { file: overlayFile, pointer: pointer('patch', key) }, { key }));
  }

  const { value: patched, written } = applyMergePatch(base.definition as unknown as Json, patch);
  const adapted = cloneJson(patched) as Record<string, Json>;
  const fromPatch = (at: string) => written.some((w) => within(at, w));
  const remap = spec.remap ?? {};

  const codes = findDivisionCodes(adapted as unknown as Base, registry);
  const baseCodes = codes.filter((o) => !fromPatch(o.pointer));
  const regions = remap.regions ?? {};
  diagnostics.push(
    ...checkRegionRemap({
      fromBase: baseCodes,
      fromPatch: codes.filter((o) => fromPatch(o.pointer)),
      regions,
      region: spec.region,
      baseFile: base.file,
      overlayFile,
    }),
  );
  const departments = findDepartments(adapted).filter((d) => !fromPatch(d.pointer));
  diagnostics.push(...checkDepartmentRemap(departments, remap.departments ?? {}, base.file, overlayFile));
  applyRegionRemap(adapted, baseCodes, regions);
  applyDepartmentRemap(adapted, departments, remap.departments ?? {});
  diagnostics.push(...remapItems(adapted, remap.items ?? {}, written, overlayFile));

  adapted.kind = base.definition.kind;
  adapted.id = spec.id;
  adapted.version = spec.version;
  const result = adapted as unknown as T;
  if (result.region !== spec.region) {
    diagnostics.push(report(overlayRegionMismatch, { file: overlayFile, pointer: '/region' }, { found: String(result.region), region: spec.region }));
  }
  const file = options.file ?? `adapted:${spec.id}@${spec.version}`;
  diagnostics.push(...checkAdapted(result, registry, file, options.lint !== false));
  return { value: result, diagnostics };
}

function asLoaded(overlay: Loaded<OverlayDefinition> | OverlayDefinition): { definition: OverlayDefinition; file: string } {
  if (isObject(overlay) && 'definition' in overlay && isObject(overlay.definition)) {
    const loaded = overlay as Loaded<OverlayDefinition>;
    return { definition: loaded.definition, file: typeof loaded.file === 'string' ? loaded.file : '<overlay>' };
  }
  return { definition: overlay as OverlayDefinition, file: '<overlay>' };
}

/** Problems that stop the overlay from being applied at all. */
function checkInputs(base: Loaded<Base>, spec: OverlayDefinition, overlayFile: string): Diagnostic[] {
  for (const [value, file] of [[spec, overlayFile], [base?.definition, base?.file ?? '<base>']] as const) {
    const notJson = checkJsonValue(value, MAX_JSON_DEPTH);
    if (notJson?.tooDeep) return [report(jsonTooDeep, { file, pointer: notJson.pointer }, { limit: MAX_JSON_DEPTH })];
    if (notJson) return [report(notJsonValue, { file, pointer: notJson.pointer }, { found: notJson.found })];
  }
  const problems = validateDefinition('overlay', spec);
  if (problems.length) return problems.slice(0, 20).map((p) => report(invalidDefinition, { file: overlayFile, pointer: p.pointer }, { problem: p.problem }));
  const definition = base.definition as Partial<Base>;
  const { kind, id, version: range } = spec.base;
  const matches =
    definition.kind === kind &&
    definition.id === id &&
    typeof definition.version === 'string' &&
    semver.validRange(range) !== null &&
    semver.satisfies(definition.version, range);
  if (matches) {
    return validateDefinition(kind, definition)
      .slice(0, 20)
      .map((p) => report(invalidDefinition, { file: base.file, pointer: p.pointer }, { problem: p.problem }));
  }
  return [
    report(
      overlayBaseMismatch,
      { file: overlayFile, pointer: '/base', related: [{ file: base.file, pointer: '' }] },
      { expected: `${kind} ${id}@${range}`, found: `${String(definition.kind)} ${String(definition.id)}@${String(definition.version)}` },
    ),
  ];
}

/** The three-way check when the base changed since the overlay was written. */
function checkBaseVersion(base: Loaded<Base>, spec: OverlayDefinition, overlayFile: string, registry: Registry, given?: Loaded<Base>): Diagnostic[] {
  const pinned = spec.base.writtenAgainst;
  if (!pinned) return [report(overlayBaseUnpinned, { file: overlayFile, pointer: '/base' }, {})];
  if (base.hash === pinned.hash) return [];
  const versions = (spec.base.kind === 'item' ? registry.items : registry.bundles).get(spec.base.id);
  const original = [given, versions?.get(pinned.version)].find((l) => l !== undefined && l.hash === pinned.hash);
  const current = `${base.definition.version}`;
  if (!original) {
    return [report(overlayBaseUnavailable, { file: overlayFile, pointer: '/base/writtenAgainst' }, { version: pinned.version, hash: pinned.hash, current })];
  }
  const conflicts = findConflicts(original.definition as unknown as Json, base.definition as unknown as Json, (spec.patch ?? {}) as Json);
  return conflicts.map((c) =>
    report(
      overlayConflict,
      { file: overlayFile, pointer: `/patch${c.pointer}`, related: [{ file: base.file, pointer: c.pointer }, { file: original.file, pointer: c.pointer }] },
      { at: c.pointer, from: pinned.version, to: current },
    ),
  );
}
