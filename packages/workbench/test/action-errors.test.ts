import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api/client.js';
import { actionProblem } from '../src/model/errors.js';

describe('what staff read when an action was not done', () => {
  it('asks for a reload when someone else changed the application first', () => {
    expect(actionProblem(new ApiError(409, 'revision-conflict', '已被他人修改'), 'zh-CN')).toMatchInlineSnapshot(`
      {
        "kind": "conflict",
        "text": "其他人刚刚处理了这个办件，请重新加载后再操作。",
      }
    `);
  });

  it('says a forbidden action is not theirs, with the server’s own message', () => {
    expect(actionProblem(new ApiError(403, 'role-forbidden', 'Your role may not send "APPROVE"', undefined, [{ event: 'APPROVE' }]), 'en')).toMatchInlineSnapshot(`
      {
        "kind": "error",
        "text": "You may not do this: Your role may not send "APPROVE"",
      }
    `);
  });

  it('gives a refusal’s detail and a validation error’s message in the person’s language', () => {
    expect(actionProblem(new ApiError(400, 'invalid-event', '事件无效', undefined, [{ problem: 'reason must be a non-empty string of at most 2000 characters' }]), 'zh-CN').text).toBe(
      '未能完成：事件无效 — reason must be a non-empty string of at most 2000 characters',
    );
    expect(actionProblem(new ApiError(422, 'submission-invalid', 'The data breaks the rules', undefined, [{ message: { 'zh-CN': '格式不正确', en: 'Wrong format' } }]), 'en').text).toBe(
      'Not done: The data breaks the rules — Wrong format',
    );
  });

  it('ends the session on 401 and names a network failure', () => {
    expect(actionProblem(new ApiError(401, 'unauthenticated', 'x'), 'en').kind).toBe('session');
    expect(actionProblem(new TypeError('Failed to fetch'), 'en')).toEqual({ kind: 'error', text: 'Not done: The server cannot be reached; check the connection and try again' });
  });
});
