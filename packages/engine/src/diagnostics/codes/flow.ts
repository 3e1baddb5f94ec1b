import type { DiagnosticCode } from '../types.js';
import { defineCode } from '../define.js';
import { text } from '../../text.js';

// Structural checks of item charts (src/lint/flow-*.ts). Each has a page docs/errors/<code>.md.

export const flowUnknownInitial = defineCode<{ state: string; initial: string }>(
  'flow-unknown-initial',
  'error',
  text('初始状态不存在', 'Initial state does not exist'),
  ({ state, initial }) =>
    initial === ''
      ? text(`状态“${state}”有子状态但没有 initial`, `State "${state}" has child states but no initial`)
      : text(`状态“${state}”的 initial “${initial}”不是它的子状态`, `The initial "${initial}" of state "${state}" is not one of its child states`),
);

export const flowUnknownTarget = defineCode<{ target: string; hint: string }>(
  'flow-unknown-target',
  'error',
  text('转换目标不存在', 'Transition target does not exist'),
  ({ target, hint }) =>
    text(`转换目标“${target}”不存在${hint ? `；是否应为“${hint}”？` : ''}`, `Transition target "${target}" does not exist${hint ? `; did you mean "${hint}"?` : ''}`),
);

export const flowUnreachableState = defineCode<{ state: string }>(
  'flow-unreachable-state',
  'error',
  text('状态不可达', 'Unreachable state'),
  ({ state }) =>
    text(`从初始状态出发，没有任何转换能到达状态“${state}”`, `No transition from the initial state ever reaches state "${state}"`),
);

export const flowNoFinalState = defineCode(
  'flow-no-final-state',
  'error',
  text('流程没有终态', 'Flow has no final state'),
  () =>
    text(
      '流程顶层没有 type 为 "final" 的状态，办件永远无法办结',
      'The flow has no top-level state of type "final", so an application can never be completed',
    ),
);

export const flowEventWithoutRoles = defineCode<{ event: string }>(
  'flow-event-without-roles',
  'error',
  text('事件没有可发送的角色', 'No role may send the event'),
  ({ event }) =>
    text(
      `事件“${event}”的转换没有 meta.roles，任何角色都不能发送它（定时事件请写 ["system"]）`,
      `The transition for event "${event}" has no meta.roles, so no role may send it (use ["system"] for timeout events)`,
    ),
);

/** Diagnostic codes of the flow area. Each needs a page docs/errors/<code>.md. */
export const flowCodes: DiagnosticCode<any>[] = [
  flowUnknownInitial,
  flowUnknownTarget,
  flowUnreachableState,
  flowNoFinalState,
  flowEventWithoutRoles,
];
