import { describe, expect, it } from 'vitest';
import { actionTargets, actionTitle, needsConfirmation } from '../src/model/actions.js';
import { queueQuery } from '../src/model/queue.js';
import type { Session } from '../src/model/session.js';

const clerk: Session = { sub: 'c', region: '420703', kind: 'clerk', departments: ['w'], roles: ['clerk'] };
const reviewer: Session = { sub: 'r', region: '420703', kind: 'reviewer', departments: ['h'], roles: ['reviewer:h'] };
const admin: Session = { sub: 'a', region: '420703', kind: 'admin', departments: [], roles: ['admin'] };
const now = '2025-09-30T02:00:00.000Z';

describe('the queue a filter asks for', () => {
  it('shows the window what waits at reception and reviewers what is being handled; admins everything open', () => {
    expect(queueQuery(clerk, { state: 'mine', deadline: 'any' }, now)).toEqual({ limit: 20, status: 'open', states: ['reception'] });
    expect(queueQuery(reviewer, { state: 'mine', deadline: 'any' }, now)).toEqual({ limit: 20, status: 'open', states: ['processing'] });
    expect(queueQuery(admin, { state: 'mine', deadline: 'any' }, now)).toEqual({ limit: 20, status: 'open' });
    expect(queueQuery(clerk, { state: 'closed', deadline: 'any' }, now)).toEqual({ limit: 20, status: 'closed' });
    expect(queueQuery(clerk, { state: 'supplement', deadline: 'any', region: '420703', department: 'w' }, now)).toEqual({ limit: 20, status: 'open', states: ['supplement'], region: '420703', department: 'w' });
  });

  it('turns deadline filters into instants, counting working days past holidays', () => {
    expect(queueQuery(clerk, { state: 'open', deadline: 'overdue' }, now).dueBefore).toBe(now);
    expect(queueQuery(clerk, { state: 'open', deadline: 'today' }, now).dueBefore).toBe('2025-09-30T16:00:00.000Z');
    // 9, 10 and 11 October: Saturday the 11th is worked for the National Day holiday (调休)
    expect(queueQuery(clerk, { state: 'open', deadline: 'within3' }, now).dueBefore).toBe('2025-10-11T16:00:00.000Z');
  });
});

describe('which actions ask for a confirmation', () => {
  const target = (path: string, final = false) => ({ title: { 'zh-CN': path, en: path }, target: { path, title: { 'zh-CN': path, en: path }, final } });
  it('claiming does not; accepting, refusing, supplements and every item decision do', () => {
    expect(needsConfirmation({ type: 'CLAIM', branches: [target('reception.preReview')] }, 'reception')).toBe(false);
    expect(needsConfirmation({ type: 'ACCEPT', branches: [target('accepted')] }, 'reception')).toBe(true);
    expect(needsConfirmation({ type: 'REJECT', input: 'reason', branches: [target('rejected', true)] }, 'reception')).toBe(true);
    expect(needsConfirmation({ type: 'REQUEST_SUPPLEMENT', input: 'supplement', branches: [target('supplement')] }, 'reception')).toBe(true);
    expect(needsConfirmation({ type: 'PASS', item: 'fire', branches: [target('processing.fire.inspection')] }, 'processing')).toBe(true);
    expect(needsConfirmation({ type: 'ODD' }, 'reception')).toBe(true);
  });
});

describe('what an action is called', () => {
  const t = (zh: string) => ({ 'zh-CN': zh, en: zh });
  const pass = { type: 'PASS', title: t('安排核查 / 材料合格'), branches: [{ title: t('安排核查'), target: { path: 'i', title: t('现场核查'), final: false } }, { title: t('材料合格'), target: { path: 'd', title: t('许可决定'), final: false } }] };
  it('by the branch it takes now when the server knows it, else by every branch', () => {
    expect([actionTitle({ ...pass, next: 1 }), actionTargets({ ...pass, next: 1 })]).toEqual([t('材料合格'), [t('许可决定')]]);
    expect([actionTitle(pass), actionTargets(pass)]).toEqual([t('安排核查 / 材料合格'), [t('现场核查'), t('许可决定')]]);
    expect(actionTitle({ type: 'ODD' })).toEqual(t('ODD'));
  });
});
