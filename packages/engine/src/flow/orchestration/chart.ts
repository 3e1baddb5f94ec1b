import type { FlowOverrides } from '../../definitions/types.generated.js';
import { text } from '../../text.js';
import type { ChartLike, StateLike } from '../rewrite.js';

/** Settings of the generated orchestration, from the composed bundle and its `flow` overrides. */
export interface OrchestrationSettings {
  /** Days the window has to accept (bundle `limits.acceptDays`, or `flow.preReview.limitDays`). */
  acceptDays: number;
  days: 'working' | 'calendar';
  /** Who pre-reviews: `flow.preReview.roles`, default a clerk of the lead department. */
  preReviewRoles: string[];
  /** Days the applicant has to answer a supplement request. */
  supplementDays: number;
  maxRounds: number;
}

/** Defaults when a bundle does not override them. */
export const ORCHESTRATION_DEFAULTS = { preReviewRoles: ['clerk'], supplementDays: 15, maxRounds: 3 } as const;

/**
 * The settings for a bundle: its limits, then its `flow` overrides.
 * @example orchestrationSettings({ acceptDays: 1, days: 'working' }, { supplement: { maxRounds: 2 } }).maxRounds // 2
 */
export function orchestrationSettings(limits: { acceptDays?: number; days?: 'working' | 'calendar' }, overrides: FlowOverrides = {}): OrchestrationSettings {
  return {
    acceptDays: overrides.preReview?.limitDays ?? limits.acceptDays ?? 1,
    days: limits.days ?? 'working',
    preReviewRoles: overrides.preReview?.roles ?? [...ORCHESTRATION_DEFAULTS.preReviewRoles],
    supplementDays: overrides.supplement?.limitDays ?? ORCHESTRATION_DEFAULTS.supplementDays,
    maxRounds: overrides.supplement?.maxRounds ?? ORCHESTRATION_DEFAULTS.maxRounds,
  };
}

const applicant = ['applicant'];

/**
 * The bundle orchestration as a chart (the same format as item charts, plus `@` internals):
 * draft → reception (submitted → preReview) ⇄ supplement → accepted → processing (one parallel
 * region per item, spliced in by `createApplicationFlow`) → completed | partlyCompleted |
 * rejected | withdrawn (every item withdrawn), and withdrawn by the applicant before acceptance. Drawn in docs/flows.md.
 * @example orchestrationChart(orchestrationSettings({ acceptDays: 1 })).initial // 'draft'
 */
export function orchestrationChart(s: OrchestrationSettings): ChartLike & { states: { [key: string]: StateLike } } {
  const window = s.preReviewRoles as [string, ...string[]];
  const withdraw = {
    target: 'withdrawn',
    actions: [{ type: '@reason' }],
    meta: { title: text('撤回申请', 'Withdraw'), roles: applicant as [string] },
  };
  const decided = (outcome: string) => [
    { type: '@decide', params: { outcome } },
    { type: 'notify', params: { to: 'applicant', template: 'onething.decided', params: { outcome } } },
  ];
  return {
    id: 'application',
    initial: 'draft',
    states: {
      draft: {
        meta: { title: text('草稿', 'Draft') },
        on: {
          SAVE: { actions: [{ type: '@save' }], meta: { title: text('保存草稿', 'Save the draft'), roles: applicant as [string] } },
          SUBMIT: {
            target: 'reception',
            actions: [{ type: '@save' }, { type: '@submit' }, { type: 'notify', params: { to: window[0], template: 'onething.submitted' } }],
            meta: { title: text('提交申请', 'Submit'), roles: applicant as [string] },
          },
          WITHDRAW: withdraw,
        },
      },
      reception: {
        meta: { title: text('综窗受理', 'Reception at the window'), limitDays: s.acceptDays, days: s.days },
        initial: 'submitted',
        states: {
          submitted: {
            meta: { title: text('已提交，待签收', 'Submitted, awaiting the window') },
            on: { CLAIM: { target: 'preReview', actions: [{ type: '@claim' }], meta: { title: text('签收', 'Claim'), roles: window } } },
          },
          preReview: {
            meta: { title: text('预审', 'Pre-review') },
            on: {
              ACCEPT: {
                target: '#application.accepted',
                meta: { title: text('受理', 'Accept'), roles: window },
              },
              REQUEST_SUPPLEMENT: {
                target: '#application.supplement',
                actions: [{ type: 'requestSupplement', params: { maxRounds: s.maxRounds } }],
                meta: { title: text('一次性告知补正', 'Request a supplement'), roles: window },
              },
              REJECT: {
                target: '#application.rejected',
                actions: [{ type: '@reason' }],
                meta: { title: text('不予受理', 'Reject'), roles: window },
              },
            },
          },
        },
        on: { WITHDRAW: withdraw },
      },
      supplement: {
        meta: {
          title: text('待补正', 'Awaiting a supplement'),
          pausesClock: true,
          limitDays: s.supplementDays,
          days: s.days,
          onTimeout: 'SUPPLEMENT_EXPIRED',
        },
        on: {
          SUPPLEMENT: {
            target: 'reception.preReview',
            actions: [{ type: 'applySupplement' }],
            meta: { title: text('提交补正', 'Supplement'), roles: applicant as [string] },
          },
          SUPPLEMENT_EXPIRED: {
            target: 'withdrawn',
            actions: [{ type: 'notify', params: { to: 'applicant', template: 'onething.supplement-expired' } }],
            meta: { title: text('补正逾期，视为撤回', 'Supplement period expired: deemed withdrawn'), roles: ['system'] },
          },
          WITHDRAW: withdraw,
        },
      },
      accepted: {
        meta: { title: text('已受理', 'Accepted') },
        entry: [{ type: 'notify', params: { to: 'applicant', template: 'onething.accepted' } }],
        always: { target: 'processing' },
      },
      processing: {
        type: 'parallel',
        meta: { title: text('并联办理', 'Handled in parallel') },
        onDone: { target: 'decided' },
      },
      decided: {
        meta: { title: text('汇总结果', 'Collecting the results') },
        always: [
          { target: 'completed', guard: { type: '@decision', params: { outcome: 'completed' } } },
          { target: 'rejected', guard: { type: '@decision', params: { outcome: 'rejected' } } },
          { target: 'withdrawn', guard: { type: '@decision', params: { outcome: 'withdrawn' } } },
          { target: 'partlyCompleted' },
        ],
      },
      completed: { type: 'final', meta: { title: text('全部办结', 'Completed') }, entry: decided('completed') },
      partlyCompleted: { type: 'final', meta: { title: text('部分办结', 'Partly completed') }, entry: decided('partlyCompleted') },
      rejected: { type: 'final', meta: { title: text('不予办理', 'Rejected') }, entry: decided('rejected') },
      withdrawn: { type: 'final', meta: { title: text('已撤回', 'Withdrawn') }, entry: [{ type: '@decide', params: { outcome: 'withdrawn' } }] },
    },
  };
}
