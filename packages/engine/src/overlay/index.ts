/**
 * Overlays: a partner region's adaptation of an imported item or bundle — a JSON Merge Patch
 * plus checked region, department and item remapping. See docs/exchange.md.
 */
export { applyOverlay, type ApplyOverlayOptions } from './apply.js';
export { pinOverlay } from './pin.js';
export { applyMergePatch, type MergePatchOutcome } from './merge-patch.js';
export { findConflicts, type Conflict } from './conflicts.js';
export { findDivisionCodes, type CodeOccurrence, type CodeSite } from './division-codes.js';
export { divisionLevel, divisionAncestors, divisionContains, type DivisionLevel } from './division-levels.js';
export { findDepartments, type DepartmentOccurrence } from './remap-departments.js';
