import type { AnyDefinition } from './types.js';

const FOLDERS: Record<AnyDefinition['kind'], string> = { item: 'items', bundle: 'bundles', overlay: 'overlays', concepts: 'concepts' };

/**
 * Where an imported definition goes inside a definitions directory: one folder per kind, the
 * version in the name, so several versions of one base can sit side by side (an overlay's
 * conflict check needs the version it was written against).
 * @example definitionPath({ kind: 'item', id: 'household-registration', version: '1.0.0', … }) // 'items/household-registration@1.0.0.json'
 */
export function definitionPath(definition: Pick<AnyDefinition, 'kind' | 'id' | 'version'>): string {
  return `${FOLDERS[definition.kind]}/${definition.id}@${definition.version}.json`;
}
