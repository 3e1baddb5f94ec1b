import type { ComposedBundle } from '@onething/engine';

export interface BenchField {
  key: string;
  type: string;
  label: string;
  required?: boolean;
  pattern?: string;
  min?: number;
  max?: number;
  options?: Array<{ value: string; label: string }>;
  showIf?: string;
}

/** The render bench's spec as a composed onething bundle. */
export function toComposed(spec: { fields: BenchField[] }): ComposedBundle;
/** FNV-1a of a value's JSON (hex). */
export function fingerprint(value: unknown): string;
