import type { Text } from '@onething/engine';
import type { CatalogView } from '../api/client.js';

/** Titles the workbench looks up by id: bundles, items and departments (the windows included). */
export interface Directory {
  bundle(id: string): Text | undefined;
  item(id: string): Text | undefined;
  department(id: string): Text | undefined;
  /** Every department with a title, windows first, then by id. */
  departments(): Array<{ id: string; title: Text }>;
}

/**
 * Titles from the public catalog.
 * @example directoryOf(catalog).department('huarong-health') // { 'zh-CN': '鄂州市华容区卫生健康局', … }
 */
export function directoryOf(catalog: CatalogView): Directory {
  const bundles = new Map(catalog.bundles.map((b) => [b.id, b.title]));
  const items = new Map<string, Text>();
  const windows = new Map<string, Text>();
  const departments = new Map<string, Text>();
  for (const b of catalog.bundles) {
    windows.set(b.lead.id, b.lead.title);
    for (const i of b.items) {
      items.set(i.id, i.title);
      departments.set(i.department.id, i.department.title);
    }
  }
  for (const i of catalog.items) {
    if (!items.has(i.id)) items.set(i.id, i.title);
    if (!departments.has(i.department.id)) departments.set(i.department.id, i.department.title);
  }
  return {
    bundle: (id) => bundles.get(id),
    item: (id) => items.get(id),
    department: (id) => windows.get(id) ?? departments.get(id),
    departments: () => [
      ...[...windows].map(([id, title]) => ({ id, title })),
      ...[...departments].filter(([id]) => !windows.has(id)).sort(([a], [b]) => a.localeCompare(b)).map(([id, title]) => ({ id, title })),
    ],
  };
}
