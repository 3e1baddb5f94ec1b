import type { Loaded } from '../definitions/registry-types.js';
import type { BundleDefinition, ItemDefinition, OverlayDefinition } from '../definitions/types.generated.js';

/**
 * Records in an overlay the exact base it is (now) written against — after writing it, or after
 * reviewing its conflicts with a newer base — so the next base version is checked against this
 * one. Returns a new overlay; the argument is not changed.
 * @example pinOverlay(overlay, registry.resolveItem('household-registration', '^1.0.0')!).base.writtenAgainst
 * // { version: '1.0.0', hash: '3f9c…' }
 */
export function pinOverlay(overlay: OverlayDefinition, base: Loaded<ItemDefinition | BundleDefinition>): OverlayDefinition {
  return { ...overlay, base: { ...overlay.base, writtenAgainst: { version: base.definition.version, hash: base.hash } } };
}
