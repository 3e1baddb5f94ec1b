import type { DiagnosticCode } from '../types.js';
import { defineCode } from '../define.js';
import { text, type Text } from '../../text.js';

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

export const flowTimeoutUnhandled = defineCode<{ state: string; event: string }>(
  'flow-timeout-unhandled',
  'warning',
  text('超时事件无人接收', 'Timeout event is not taken'),
  ({ state, event }) =>
    text(
      `状态“${state}”超时发送“${event}”，但该状态及其上级状态都没有以 system 角色接收它的转换；期限届满时只会记为超期`,
      `State "${state}" sends "${event}" when its limit passes, but neither it nor an enclosing state takes that event from the system role; the deadline will only be marked overdue`,
    ),
);

// Catalog and flow-runtime checks (src/lint/flow-catalog.ts, src/flow/create.ts).

export const flowUnknownGuard = defineCode<{ guard: string; known: string }>(
  'flow-unknown-guard',
  'error',
  text('未知的条件', 'Unknown guard'),
  ({ guard, known }) =>
    text(`条件“${guard}”不在引擎目录中（可用：${known}）`, `Guard "${guard}" is not in the engine's catalog (available: ${known})`),
);

export const flowUnknownAction = defineCode<{ action: string; known: string }>(
  'flow-unknown-action',
  'error',
  text('未知的动作', 'Unknown action'),
  ({ action, known }) =>
    text(`动作“${action}”不在引擎目录中（可用：${known}）`, `Action "${action}" is not in the engine's catalog (available: ${known})`),
);

export const flowInvalidParams = defineCode<{ type: string; problem: Text }>(
  'flow-invalid-params',
  'error',
  text('参数不符合目录说明', 'Params do not fit the catalog entry'),
  ({ type, problem }) => text(`“${type}”的 params 无效：${problem['zh-CN']}`, `The params of "${type}" are invalid: ${problem.en}`),
);

export const flowMissingOutcome = defineCode<{ state: string }>(
  'flow-missing-outcome',
  'error',
  text('终态没有办理结果', 'Final state without an outcome'),
  ({ state }) =>
    text(
      `事项流程的终态“${state}”没有 meta.outcome（approved、rejected 或 withdrawn），无法判断事项结果`,
      `Final state "${state}" of the item chart has no meta.outcome (approved, rejected or withdrawn), so the item's result is unknown`,
    ),
);

export const flowSupplementNotApplied = defineCode<{ event: string }>(
  'flow-supplement-not-applied',
  'warning',
  text('补正答复未并入数据', 'Supplement answer is not applied'),
  ({ event }) =>
    text(
      `流程用 requestSupplement 要求补正，但没有任何转换使用 applySupplement；申请人的补正（如“${event}”）不会改变数据`,
      `The chart requests supplements with requestSupplement but no transition uses applySupplement, so the applicant's answer (e.g. "${event}") changes no data`,
    ),
);

export const flowInvalidChart = defineCode<{ item: string; problem: string }>(
  'flow-invalid-chart',
  'error',
  text('流程无法构建', 'The flow cannot be built'),
  ({ item, problem }) => text(`事项“${item}”的流程无法构建为状态机：${problem}`, `The chart of item "${item}" cannot be built into a state machine: ${problem}`),
);

export const flowDefinitionNotFound = defineCode<{ kind: 'item' | 'bundle'; id: string; version: string }>(
  'flow-definition-not-found',
  'error',
  text('找不到定义', 'Definition not found'),
  ({ kind, id, version }) =>
    kind === 'item'
      ? text(`组合中的事项“${id}”${version} 不在注册表中，无法取得其流程`, `Item "${id}" ${version} of the composition is not in the registry, so its chart is unavailable`)
      : text(`事项组合“${id}”${version} 不在注册表中，无法取得其流程设置`, `Bundle "${id}" ${version} is not in the registry, so its flow settings are unavailable`),
);

export const flowInvalidCalendar = defineCode<{ problem: Text }>(
  'flow-invalid-calendar',
  'error',
  text('节假日日历无效', 'Invalid holiday calendar'),
  ({ problem }) => text(`节假日日历无效：${problem['zh-CN']}`, `Invalid holiday calendar: ${problem.en}`),
);

/** Diagnostic codes of the flow area. Each needs a page docs/errors/<code>.md. */
export const flowCodes: DiagnosticCode<any>[] = [
  flowUnknownInitial,
  flowUnknownTarget,
  flowUnreachableState,
  flowNoFinalState,
  flowEventWithoutRoles,
  flowTimeoutUnhandled,
  flowUnknownGuard,
  flowUnknownAction,
  flowInvalidParams,
  flowMissingOutcome,
  flowSupplementNotApplied,
  flowInvalidChart,
  flowDefinitionNotFound,
  flowInvalidCalendar,
];
