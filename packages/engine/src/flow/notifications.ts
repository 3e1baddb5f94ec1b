import { text, type Text } from '../text.js';

/**
 * The message templates the generated orchestration and the catalog's supplement actions
 * name in `notify` effects, in both locales. `{name}` stands for the effect's `params.name`.
 * Item charts name their own templates; the server maps every template name to a text.
 */
export const notificationTemplates: { readonly [template: string]: { title: Text; body: Text } } = {
  'onething.submitted': {
    title: text('新的申请待签收', 'A new application awaits the window'),
    body: text('有一件“一件事”申请已提交，请签收并预审。', 'An application was submitted; please claim and pre-review it.'),
  },
  'onething.accepted': {
    title: text('申请已受理', 'Application accepted'),
    body: text('您的申请已受理，各部门将并联办理。', 'Your application was accepted; the departments now handle it in parallel.'),
  },
  'onething.supplement-requested': {
    title: text('请补正材料', 'Please supplement your application'),
    // {reason} is the round's overall reason, absent when every flagged entry has its own
    // (`fieldReasons`, `materialReasons`): last, so that a missing one leaves no gap.
    body: text('第 {round} 次补正。需修改的字段：{fields}；需更换的材料：{materials}。{reason}', 'Supplement round {round}. Fields to correct: {fields}; materials to replace: {materials}. {reason}'),
  },
  'onething.supplemented': {
    title: text('申请人已补正', 'The applicant supplemented'),
    body: text('第 {round} 次补正已提交，请继续审查。', 'Supplement round {round} was submitted; please continue the review.'),
  },
  'onething.supplement-expired': {
    title: text('补正逾期', 'Supplement period expired'),
    body: text('您未在期限内补正，申请视为撤回。', 'You did not supplement in time; the application is deemed withdrawn.'),
  },
  'onething.dispatched': {
    title: text('新的事项待办理', 'A new item to handle'),
    body: text('综窗已受理一件“一件事”申请，请办理本部门的事项。', "The window accepted an application; please handle your department's item."),
  },
  'onething.decided': {
    title: text('办理结果', 'Result of your application'),
    body: text('您的申请已办结，结果：{outcome}。', 'Your application is finished: {outcome}.'),
  },
  'onething.overdue': {
    title: text('办理超期', 'Time limit exceeded'),
    body: text('期限“{deadline}”已过，请督办。', 'The time limit "{deadline}" has passed; please follow up.'),
  },
};
