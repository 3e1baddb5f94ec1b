import type { Json, Submission } from '@onething/engine/runtime';
import type { Text } from '../model/types.js';
import type { ValidationError } from '../model/errors.js';

/** `ot-change`: a value changed (on every input). `data` and `answers` are the form's current objects. */
export interface OtChangeDetail {
  /** The data path, or `answers/<question>` for a guidance answer. */
  path: string;
  value: Json | undefined;
  data: Record<string, Json>;
  answers: Record<string, Json>;
}

/** `ot-step`: the wizard moved to another step. */
export interface OtStepDetail {
  index: number;
  /** `questions`, a section id, or `materials`. */
  id: string;
  count: number;
}

/** `ot-submit`: the form is valid; the submission has hidden and inactive data pruned. */
export interface OtSubmitDetail {
  submission: Submission;
}

/** `ot-invalid`: submitting (or continuing to the next step) found these problems. */
export interface OtInvalidDetail {
  errors: ValidationError[];
}

/**
 * A reviewer's supplement request (补正): only the named fields (bundle-data paths) and materials
 * may change, each shown with the reviewer's reason; everything else is shown read-only.
 * @example { reason: text('请补正以下内容', 'Please correct:'), fields: [{ path: 'child.name', reason: text('与出生医学证明不一致', 'Does not match the birth certificate') }], materials: ['household-register'] }
 */
export interface SupplementRequest {
  reason?: Text;
  fields?: Array<string | { path: string; reason?: Text }>;
  materials?: Array<string | { id: string; reason?: Text }>;
}

