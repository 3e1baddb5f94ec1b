/**
 * JSON Logic rules: an allow-listed interpreter (interpreted only — no code from a definition
 * ever runs), dependency analysis and path rewriting. See docs/rules.md.
 */
export { evaluate, isOperation } from './evaluate.js';
export { truthy } from './coerce.js';
export { readPath, BLOCKED_SEGMENTS } from './path.js';
export { dependencies, reads, type Dependencies } from './reads.js';
export { rewrite, type PathMapper } from './rewrite.js';
export { operators, operatorRegistry } from './operators/index.js';
export { DEFAULT_LIMITS, type EvaluateOptions, type EvalContext, type Limits, type Operator, type EagerOperator, type LazyOperator } from './types.js';
