import { text, type Text } from '@onething/engine';

/** The descriptor of one HTTP error code: its status and its message in every locale. */
export interface HttpErrorCode {
  code: string;
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;
  message: Text;
}

const define = (code: string, status: HttpErrorCode['status'], zh: string, en: string): HttpErrorCode => ({
  code,
  status,
  message: text(zh, en),
});

/**
 * Every error the API answers with. Codes are stable (clients switch on them); the table
 * in docs/api.md lists them and a test keeps the two in step.
 */
export const httpErrorCodes = {
  invalidJson: define('invalid-json', 400, '请求体不是合法的 JSON', 'The request body is not valid JSON'),
  invalidRequest: define('invalid-request', 400, '请求不符合接口约定', 'The request does not match the API contract'),
  idempotencyKeyRequired: define('idempotency-key-required', 400, '提交必须带 Idempotency-Key 请求头', 'Submitting requires an Idempotency-Key header'),
  unauthenticated: define('unauthenticated', 401, '需要有效的访问令牌', 'A valid access token is required'),
  forbidden: define('forbidden', 403, '无权执行此操作', 'You are not allowed to do this'),
  eventForbidden: define('event-forbidden', 403, '当前角色不能发送此事件', 'Your role may not send this event'),
  notFound: define('not-found', 404, '未找到', 'Not found'),
  routeNotFound: define('route-not-found', 404, '接口不存在', 'No such API route'),
  revisionConflict: define('revision-conflict', 409, '数据已被他人修改，请刷新后重试', 'Someone else changed this first; reload and try again'),
  eventNotAccepted: define('event-not-accepted', 409, '当前状态不能处理此事件', 'The current state does not accept this event'),
  definitionPublished: define('definition-published', 409, '该版本已发布，不可修改', 'This version is published and cannot change'),
  alreadyRated: define('already-rated', 409, '已经评价过了', 'This application was already rated'),
  notCompleted: define('not-completed', 409, '办结后才能评价', 'Only a completed application can be rated'),
  notDraft: define('not-draft', 409, '申请已提交，不能再作为草稿修改', 'The application was submitted and is no longer a draft'),
  payloadTooLarge: define('payload-too-large', 413, '内容超过大小限制', 'The content is larger than allowed'),
  unsupportedMediaType: define('unsupported-media-type', 415, '不支持的内容类型', 'This content type is not accepted'),
  submissionInvalid: define('submission-invalid', 422, '填写的内容有误，请按提示修改', 'Some answers need fixing; see the errors'),
  definitionInvalid: define('definition-invalid', 422, '定义有错误', 'The definition has errors'),
  versionTooLow: define('version-not-compatible', 422, '版本号与改动不符（删除字段或收窄类型需要升级主版本号）', 'The version does not match the change (a removed field or a narrowed type needs a major version)'),
  idempotencyKeyReused: define('idempotency-key-reused', 422, '此 Idempotency-Key 已用于另一个请求', 'This Idempotency-Key was used for a different request'),
  rateLimited: define('rate-limited', 429, '请求过于频繁，请稍后再试', 'Too many requests; try again later'),
  internal: define('internal', 500, '服务器内部错误，已记录，请稍后再试', 'Internal error; it was logged, please try again later'),
  unavailable: define('unavailable', 503, '服务暂时不可用', 'The service is temporarily unavailable'),
} satisfies Record<string, HttpErrorCode>;

export type HttpErrorName = keyof typeof httpErrorCodes;
