import { describe, expect, it } from 'vitest';
import { load } from '../../src/definitions/load.js';
import { flowCatalogRule } from '../../src/lint/flow-catalog.js';
import type { Flow } from '../../src/definitions/types.generated.js';
import { items } from './fixtures.js';

function lintChart(flow: Flow) {
  const item = { ...items['birth-cert'], flow };
  const { value: registry } = load([{ path: 'items/birth-cert.json', content: item }], { lint: false });
  return flowCatalogRule.check(registry).map((d) => `${d.severity} ${d.code} ${d.pointer}: ${d.message.en}`);
}

describe('lint: charts name only the catalog’s guards and actions', () => {
  it('accepts the fixture charts', () => {
    for (const item of Object.values(items)) expect(lintChart(item.flow)).toEqual([]);
  });

  it('reports unknown guards and actions, wherever they are named', () => {
    expect(
      lintChart({
        initial: 'a',
        states: {
          a: {
            entry: [{ type: 'sendSms' }],
            on: { GO: { target: 'b', guard: { type: 'isAdult' }, actions: [{ type: 'eval', params: { code: '1' } }], meta: { roles: ['reviewer'] } } },
          },
          b: { type: 'final', meta: { outcome: 'approved' }, exit: [{ type: 'log' }] },
        },
      }),
    ).toMatchInlineSnapshot(`
      [
        "error flow-unknown-guard /flow/states/a/on/GO/guard/type: Guard "isAdult" is not in the engine's catalog (available: rule)",
        "error flow-unknown-action /flow/states/a/on/GO/actions/0/type: Action "eval" is not in the engine's catalog (available: assign, notify, setDeadline, clearDeadline, requestSupplement, applySupplement)",
        "error flow-unknown-action /flow/states/a/entry/0/type: Action "sendSms" is not in the engine's catalog (available: assign, notify, setDeadline, clearDeadline, requestSupplement, applySupplement)",
        "error flow-unknown-action /flow/states/b/exit/0/type: Action "log" is not in the engine's catalog (available: assign, notify, setDeadline, clearDeadline, requestSupplement, applySupplement)",
      ]
    `);
  });

  it('checks params against each entry’s schema, and the rules inside them', () => {
    expect(
      lintChart({
        initial: 'a',
        states: {
          a: {
            entry: [
              { type: 'setDeadline', params: { key: 'inspection', days: 'five' } },
              { type: 'notify', params: { to: 'mayor', template: 'x', params: { who: { log: 1 } } } },
              { type: 'assign', params: { path: 'ok', value: { '==': [1] } } },
            ],
            on: { GO: { target: 'b', guard: { type: 'rule', params: { rule: { frobnicate: [] } } }, meta: { roles: ['reviewer'] } } },
          },
          b: { type: 'final', meta: { outcome: 'approved' } },
        },
      }),
    ).toMatchInlineSnapshot(`
      [
        "error rule-unknown-operator /flow/states/a/on/GO/guard/params/rule/frobnicate: Operator "frobnicate" is not on the allow-list; at run time it evaluates to null",
        "error flow-invalid-params /flow/states/a/entry/0/params: The params of "setDeadline" are invalid: missing required property "event"",
        "error flow-invalid-params /flow/states/a/entry/0/params/days: The params of "setDeadline" are invalid: must be an integer",
        "error flow-invalid-params /flow/states/a/entry/1/params/to: The params of "notify" are invalid: "mayor" does not match the format ^(applicant|clerk|reviewer|admin)(:[a-z][a-z0-9-]*)?$",
        "error rule-arity /flow/states/a/entry/2/params/value/==: "==" takes 2 arguments, not 1",
      ]
    `);
  });

  it('warns when a chart asks for supplements but never applies the answer', () => {
    expect(
      lintChart({
        initial: 'review',
        states: {
          review: { on: { REQUEST_SUPPLEMENT: { target: 'waiting', actions: [{ type: 'requestSupplement' }], meta: { roles: ['reviewer'] } } } },
          waiting: { on: { SUPPLEMENT: { target: 'review', meta: { roles: ['applicant'] } } } },
        },
      }),
    ).toMatchInlineSnapshot(`
      [
        "warning flow-supplement-not-applied /flow/states/review/on/REQUEST_SUPPLEMENT/actions/0: The chart requests supplements with requestSupplement but no transition uses applySupplement, so the applicant's answer (e.g. "SUPPLEMENT") changes no data",
      ]
    `);
  });
});
