import type { Diagnostic } from '../diagnostics/types.js';
import type { Json } from '../json.js';
import type { Department } from '../definitions/types.generated.js';
import { escapePointer, pointer, report } from '../diagnostics/define.js';
import { overlayUnmappedDepartment, overlayUnusedMapping } from '../diagnostics/codes/exchange.js';
import { text } from '../text.js';
import { isObject } from './merge-patch.js';
import { replaceAt } from './pointer.js';

/** One place a definition names a department. */
export interface DepartmentOccurrence {
  id: string;
  pointer: string;
  /** `department`: a `{ id, title }` object (item `department`, bundle `lead`); `role`: a role scope `reviewer:<id>`. */
  as: 'department' | 'role';
  /** For a role scope, the role before the colon. */
  role?: string;
}

const ROLE_SCOPE = /^(applicant|clerk|reviewer|admin|system):([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$/;

/**
 * Every department a definition names: the item's `department` or the bundle's `lead`, and role
 * scopes such as `reviewer:huarong-police` in its charts, notifications and flow overrides
 * (data schemas are not searched).
 * @example findDepartments(item) // [{ id: 'huarong-police', pointer: '/department', as: 'department' }]
 */
export function findDepartments(definition: Record<string, Json>): DepartmentOccurrence[] {
  const found: DepartmentOccurrence[] = [];
  for (const key of ['department', 'lead']) {
    const value = definition[key];
    if (isObject(value) && typeof value.id === 'string') found.push({ id: value.id, pointer: `/${key}`, as: 'department' });
  }
  const stack: Array<{ node: Json; pointer: string }> = Object.entries(definition)
    .filter(([key]) => key !== 'schema' && key !== 'questions')
    .map(([key, node]) => ({ node, pointer: `/${escapePointer(key)}` }));
  while (stack.length) {
    const { node, pointer: at } = stack.pop()!;
    if (typeof node === 'string') {
      const match = ROLE_SCOPE.exec(node);
      if (match) found.push({ id: match[2]!, pointer: at, as: 'role', role: match[1]! });
    } else if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, pointer: `${at}/${i}` }));
    else if (isObject(node)) for (const [key, child] of Object.entries(node)) stack.push({ node: child, pointer: `${at}/${escapePointer(key)}` });
  }
  return found;
}

/**
 * Checks `remap.departments`: every department the base names must be mapped (to itself to
 * keep it); a mapping for a department the base does not name is a warning.
 * @example checkDepartmentRemap(fromBase, { 'huarong-police': xinyangPolice }, 'items/hr.json', 'overlays/hr.json')
 */
export function checkDepartmentRemap(
  fromBase: DepartmentOccurrence[],
  departments: Readonly<Record<string, Department | undefined>>,
  baseFile: string,
  overlayFile: string,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const used = new Set(fromBase.map((d) => d.id));
  for (const id of Object.keys(departments)) {
    if (!used.has(id)) found.push(report(overlayUnusedMapping, { file: overlayFile, pointer: pointer('remap', 'departments', id) }, { what: text('部门', 'department'), key: id }));
  }
  const reported = new Set<string>();
  for (const d of fromBase) {
    if (Object.hasOwn(departments, d.id) || reported.has(d.id)) continue;
    reported.add(d.id);
    found.push(report(overlayUnmappedDepartment, { file: baseFile, pointer: d.pointer, related: [{ file: overlayFile, pointer: '/remap/departments' }] }, { department: d.id }));
  }
  return found;
}

/**
 * Writes the mapped departments into the (already copied) definition: a department object is
 * replaced by the mapped `{ id, title }`, a role scope gets the mapped id.
 * @example applyDepartmentRemap(copy, fromBase, { 'huarong-police': { id: 'shihe-police', title } })
 */
export function applyDepartmentRemap(definition: Json, fromBase: DepartmentOccurrence[], departments: Readonly<Record<string, Department | undefined>>): void {
  for (const d of fromBase) {
    const to = Object.hasOwn(departments, d.id) ? departments[d.id] : undefined;
    if (!to) continue;
    replaceAt(definition, d.pointer, d.as === 'department' ? { id: to.id, title: { ...to.title } } : `${d.role}:${to.id}`);
  }
}
