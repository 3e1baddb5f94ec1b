import type { DiagnosticCode } from './types.js';
import { composeCodes } from './codes/compose.js';
import { definitionCodes } from './codes/definition.js';
import { flowCodes } from './codes/flow.js';
import { ruleCodes } from './codes/rules.js';
import { validationCodes } from './codes/validation.js';
import { versioningCodes } from '../versioning/codes.js';
import { exchangeCodes } from './codes/exchange.js';

/** Every diagnostic code the engine can report, for docs and the designer. */
export const diagnosticCodes: ReadonlyArray<DiagnosticCode<any>> = [
  ...definitionCodes,
  ...validationCodes,
  ...composeCodes,
  ...ruleCodes,
  ...flowCodes,
  ...versioningCodes,
  ...exchangeCodes,
];
