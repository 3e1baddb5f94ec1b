import type { ValidateFunction } from 'ajv';
import type { LintRule } from './types.js';
import type { Json, Rule } from '../json.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { ActionRef, GuardRef } from '../definitions/types.generated.js';
import { escapePointer, report } from '../diagnostics/define.js';
import { flowInvalidParams, flowSupplementNotApplied, flowUnknownAction, flowUnknownGuard } from '../diagnostics/codes/flow.js';
import { metaAjv } from '../definitions/meta-validate.js';
import { explainErrors } from '../definitions/meta-errors.js';
import { lintRule } from '../rules/check.js';
import { text } from '../text.js';
import { actionCatalog, guardCatalog } from '../flow/catalog/index.js';
import { allItems } from './definitions.js';
import { flowModel } from './flow-model.js';

const validators = new WeakMap<object, ValidateFunction>();

function validatorOf(descriptor: { params: object }): ValidateFunction {
  let validate = validators.get(descriptor);
  if (!validate) validators.set(descriptor, (validate = metaAjv().compile(descriptor.params)));
  return validate;
}

/** Where the JSON Logic rules sit inside a catalog entry's params. */
function rulesIn(type: string, params: { [key: string]: Json }): Array<[string[], Rule]> {
  if (type === 'rule' && 'rule' in params) return [[['rule'], params.rule!]];
  if (type === 'assign' && 'value' in params) return [[['value'], params.value!]];
  if (type === 'notify' && typeof params.params === 'object' && params.params !== null && !Array.isArray(params.params)) {
    return Object.entries(params.params).map(([key, rule]) => [['params', key], rule]);
  }
  return [];
}

/**
 * Item charts name only guards and actions of the engine's catalog, with params that fit
 * each entry's JSON Schema and rules that lint clean; a chart that asks for supplements
 * also applies the answers.
 */
export const flowCatalogRule: LintRule = {
  id: 'flow-catalog',
  description: text('流程只能使用引擎目录中的条件和动作，且参数符合其说明', "Charts use only the engine catalog's guards and actions, with params that fit them"),
  codes: [flowUnknownGuard, flowUnknownAction, flowInvalidParams, flowSupplementNotApplied],
  check(registry) {
    const found: Diagnostic[] = [];
    for (const { definition, file } of allItems(registry)) {
      const refs: Array<{ ref: GuardRef | ActionRef; pointer: string; kind: 'guard' | 'action'; event?: string }> = [];
      const model = flowModel(definition.flow, '/flow');
      for (const { transition, pointer, event } of model.transitions) {
        if (transition.guard) refs.push({ ref: transition.guard, pointer: `${pointer}/guard`, kind: 'guard' });
        (transition.actions ?? []).forEach((ref, i) => refs.push({ ref, pointer: `${pointer}/actions/${i}`, kind: 'action', ...(event ? { event } : {}) }));
      }
      for (const state of model.states) {
        const config = state.config as { entry?: ActionRef[]; exit?: ActionRef[] };
        for (const hook of ['entry', 'exit'] as const) {
          (config[hook] ?? []).forEach((ref, i) => refs.push({ ref, pointer: `${state.pointer}/${hook}/${i}`, kind: 'action' }));
        }
      }
      for (const { ref, pointer, kind } of refs) {
        const descriptor = kind === 'guard' ? guardCatalog.get(ref.type) : actionCatalog.get(ref.type);
        if (!descriptor) {
          found.push(
            kind === 'guard'
              ? report(flowUnknownGuard, { file, pointer: `${pointer}/type` }, { guard: ref.type, known: [...guardCatalog.keys()].join(', ') })
              : report(flowUnknownAction, { file, pointer: `${pointer}/type` }, { action: ref.type, known: [...actionCatalog.keys()].join(', ') }),
          );
          continue;
        }
        const params = (ref.params ?? {}) as { [key: string]: Json };
        const validate = validatorOf(descriptor);
        if (!validate(params)) {
          for (const { pointer: at, problem } of explainErrors(validate.errors ?? [])) {
            found.push(report(flowInvalidParams, { file, pointer: `${pointer}/params${at}` }, { type: ref.type, problem }));
          }
          continue;
        }
        for (const [tokens, rule] of rulesIn(ref.type, params)) {
          found.push(...lintRule(rule, { file, pointer: `${pointer}/params${tokens.map((t) => `/${escapePointer(t)}`).join('')}` }));
        }
      }
      const requests = refs.filter((r) => r.ref.type === 'requestSupplement');
      if (requests.length && !refs.some((r) => r.ref.type === 'applySupplement')) {
        const answer = model.transitions.find((t) => t.event === 'SUPPLEMENT')?.event ?? 'SUPPLEMENT';
        found.push(report(flowSupplementNotApplied, { file, pointer: requests[0]!.pointer }, { event: answer }));
      }
    }
    return found;
  },
};
