import { describe, expect, it } from 'vitest';
import { step } from '../../src/flow/step.js';
import type { Actor, FlowEvent } from '../../src/flow/types.js';
import { actors, fixtureFlow, refused, run, TO_ACCEPTANCE, ok } from './fixtures.js';

const { flow } = fixtureFlow();
const AT = '2025-03-04T02:00:00.000Z';

describe('events declare who may send them', () => {
  const claimed = () => run(flow, TO_ACCEPTANCE.slice(0, 2)).snapshot;
  const accepted = () => run(flow, TO_ACCEPTANCE).snapshot;

  it('the applicant may not accept their own application', () => {
    expect(refused(step(flow, claimed(), { type: 'ACCEPT' }, actors.applicant, AT))).toMatchInlineSnapshot(`
      {
        "code": "role-forbidden",
        "details": {
          "event": "ACCEPT",
        },
        "message": {
          "en": "Your role may not send "ACCEPT"",
          "zh-CN": "您的角色无权执行“ACCEPT”",
        },
      }
    `);
  });

  it('pre-review is for clerks of the lead department only', () => {
    expect(refused(step(flow, claimed(), { type: 'ACCEPT' }, actors.otherClerk, AT)).code).toBe('role-forbidden');
    expect(refused(step(flow, claimed(), { type: 'ACCEPT' }, { id: 'c', role: 'clerk' }, AT)).code).toBe('role-forbidden');
    expect(refused(step(flow, claimed(), { type: 'ACCEPT' }, actors.admin, AT)).code).toBe('role-forbidden');
    expect(ok(step(flow, claimed(), { type: 'ACCEPT' }, actors.clerk, AT)).snapshot.value).toHaveProperty('processing');
  });

  it('an item is handled by reviewers of its own department', () => {
    const cases: Array<[Actor, FlowEvent, string]> = [
      [actors.police, { type: 'APPROVE', item: 'birth-cert' }, 'role-forbidden'],
      [actors.clerk, { type: 'APPROVE', item: 'birth-cert' }, 'role-forbidden'],
      [actors.applicant, { type: 'APPROVE', item: 'birth-cert' }, 'role-forbidden'],
      [actors.system, { type: 'APPROVE', item: 'birth-cert' }, 'role-forbidden'],
      [{ id: 'h2', role: 'clerk', department: 'health' }, { type: 'APPROVE', item: 'birth-cert' }, 'role-forbidden'],
    ];
    for (const [actor, event, code] of cases) expect([actor.id, refused(step(flow, accepted(), event, actor, AT)).code]).toEqual([actor.id, code]);
    expect(ok(step(flow, accepted(), { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT)).snapshot.context.items['birth-cert']?.outcome).toBe('approved');
  });

  it('applicant events are for the applicant who started the application', () => {
    const waiting = run(flow, [...TO_ACCEPTANCE.slice(0, 2), [{ type: 'REQUEST_SUPPLEMENT', fields: ['child.name'], reason: 'x' }, actors.clerk, AT]]).snapshot;
    expect(refused(step(flow, waiting, { type: 'SUPPLEMENT', data: { child: { name: 'x' } } }, actors.stranger, AT)).code).toBe('role-forbidden');
  });

  it('an event the current state cannot take is refused as such, whoever sends it', () => {
    expect(refused(step(flow, claimed(), { type: 'APPROVE', item: 'birth-cert' }, actors.health, AT)).code).toBe('event-not-accepted');
    expect(refused(step(flow, claimed(), { type: 'SUBMIT' }, actors.applicant, AT)).code).toBe('event-not-accepted');
  });

  it('an event for an item the bundle does not have is refused', () => {
    expect(refused(step(flow, accepted(), { type: 'APPROVE', item: 'passport' }, actors.health, AT))).toMatchObject({ code: 'unknown-item', details: { item: 'passport' } });
  });

  it('a bundle may let other roles pre-review', () => {
    const { flow: custom } = fixtureFlow('1.0.0', { preReview: { roles: ['reviewer', 'clerk:police'] } });
    const submitted = ok(step(custom, run(custom, TO_ACCEPTANCE.slice(0, 1)).snapshot, { type: 'CLAIM' }, actors.otherClerk, AT)).snapshot;
    expect(submitted.value).toEqual({ reception: 'preReview' });
    expect(refused(step(custom, submitted, { type: 'ACCEPT' }, actors.clerk, AT)).code).toBe('role-forbidden');
    expect(ok(step(custom, submitted, { type: 'ACCEPT' }, { id: 'r', role: 'reviewer', department: 'window' }, AT)).snapshot.value).toHaveProperty('processing');
  });
});
