export type { ShapeValidator, ValidationError } from '@onething/engine/runtime';
