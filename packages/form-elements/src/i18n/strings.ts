import type { Locale } from '@onething/engine/runtime';
import type { Text } from '../model/types.js';

/**
 * Every text the form itself shows (not the definition's), in zh-CN and en.
 */
export const strings = {
  questions: { 'zh-CN': '情形引导', en: 'About your situation' },
  questionsHint: {
    'zh-CN': '请先回答以下问题，我们会据此列出您需要办理的事项和填写的内容。',
    en: 'Answer these questions first: they decide which services apply and what you need to fill in.',
  },
  activeItems: { 'zh-CN': '将为您一并办理', en: 'Services included in your application' },
  materials: { 'zh-CN': '申请材料', en: 'Supporting documents' },
  materialsHint: {
    'zh-CN': '可使用电子证照的材料无需上传。',
    en: 'Documents available as an electronic licence need no upload.',
  },
  submit: { 'zh-CN': '提交申请', en: 'Submit application' },
  resubmit: { 'zh-CN': '提交补正材料', en: 'Submit the corrections' },
  next: { 'zh-CN': '下一步', en: 'Continue' },
  back: { 'zh-CN': '上一步', en: 'Back' },
  stepOf: { 'zh-CN': '第 {n} 步，共 {total} 步', en: 'Step {n} of {total}' },
  steps: { 'zh-CN': '办理步骤', en: 'Steps' },
  /** After a label, separator included (a full-width bracket needs no space before it). */
  optional: { 'zh-CN': '（选填）', en: ' (optional)' },
  required: { 'zh-CN': '必填', en: 'required' },
  errorSummary: { 'zh-CN': '请更正以下问题', en: 'There is a problem' },
  colon: { 'zh-CN': '：', en: ': ' },
  errorPrefix: { 'zh-CN': '错误：', en: 'Error:' },
  select: { 'zh-CN': '请选择', en: 'Select' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  add: { 'zh-CN': '添加一项', en: 'Add another' },
  remove: { 'zh-CN': '删除第 {n} 项', en: 'Remove item {n}' },
  moveUp: { 'zh-CN': '上移第 {n} 项', en: 'Move item {n} up' },
  moveDown: { 'zh-CN': '下移第 {n} 项', en: 'Move item {n} down' },
  row: { 'zh-CN': '第 {n} 项', en: 'Item {n}' },
  readOnly: { 'zh-CN': '不可修改', en: 'cannot be changed' },
  computed: { 'zh-CN': '自动计算', en: 'calculated for you' },
  supplementIntro: {
    'zh-CN': '审核人员要求您补正以下内容。其余内容已锁定，无需修改。',
    en: 'The reviewer asked you to correct the items below. Everything else is locked and needs no change.',
  },
  reviewerNote: { 'zh-CN': '审核意见：', en: 'Reviewer’s note:' },
  upload: { 'zh-CN': '上传文件', en: 'Upload a file' },
  uploadChoice: { 'zh-CN': '上传材料', en: 'Upload the document' },
  useELicence: { 'zh-CN': '使用我的电子证照（免提交）', en: 'Use my electronic licence (no upload needed)' },
  eLicenceHint: {
    'zh-CN': '无需上传：受理部门将直接调取您的电子证照。如已知证照编号，可填写以便核验。',
    en: 'No upload needed: the department will fetch your electronic licence. Give its number if you know it, to speed up the check.',
  },
  eLicenceNumber: { 'zh-CN': '电子证照编号', en: 'Electronic licence number' },
  eLicenceChosen: { 'zh-CN': '使用电子证照（免提交），由受理部门调取', en: 'Electronic licence (no upload needed), fetched by the department' },
  notProvided: { 'zh-CN': '未提交', en: 'Not provided' },
  howToProvide: { 'zh-CN': '提供方式', en: 'How will you provide it?' },
  limits: { 'zh-CN': '格式：{types}；单个文件不超过 {size}；最多 {files} 个文件', en: 'Formats: {types}; up to {size} each; at most {files} files' },
  uploading: { 'zh-CN': '正在上传', en: 'Uploading' },
  uploaded: { 'zh-CN': '已上传', en: 'Uploaded' },
  uploadingFile: { 'zh-CN': '正在上传文件“{name}”…', en: 'Uploading “{name}”…' },
  uploadedFile: { 'zh-CN': '文件“{name}”已上传', en: '“{name}” is uploaded' },
  uploadProgress: { 'zh-CN': '文件“{name}”已上传 {percent}%', en: '“{name}”: {percent}% uploaded' },
  removedFile: { 'zh-CN': '已删除文件“{name}”', en: '“{name}” was removed' },
  removeFile: { 'zh-CN': '删除文件 {name}', en: 'Remove file {name}' },
  wrongType: { 'zh-CN': '文件“{name}”的格式不符合要求，请上传 {types}', en: 'The file “{name}” must be a {types}' },
  tooLarge: { 'zh-CN': '文件“{name}”超过 {size}', en: 'The file “{name}” must be smaller than {size}' },
  tooMany: { 'zh-CN': '最多上传 {files} 个文件', en: 'Upload at most {files} files' },
  uploadFailed: { 'zh-CN': '文件“{name}”上传失败，请重试', en: 'The file “{name}” could not be uploaded – try again' },
  uploadFailedBecause: { 'zh-CN': '文件“{name}”上传失败：{reason}', en: 'The file “{name}” could not be uploaded: {reason}' },
  noUploader: { 'zh-CN': '当前页面不支持上传文件', en: 'Uploading is not available on this page' },
  idValid: { 'zh-CN': '号码有效：{birthDate} 出生，{sex}', en: 'Valid number: born {birthDate}, {sex}' },
  idIncomplete: { 'zh-CN': '已输入 {n}/18 位', en: '{n} of 18 characters' },
  idInvalid: { 'zh-CN': '号码校验未通过，请核对', en: 'This number does not pass the check – check it again' },
  codeValid: { 'zh-CN': '代码校验通过', en: 'The code passes the check' },
  male: { 'zh-CN': '男', en: 'male' },
  female: { 'zh-CN': '女', en: 'female' },
  province: { 'zh-CN': '省（自治区、直辖市）', en: 'Province' },
  prefecture: { 'zh-CN': '市（地区、自治州）', en: 'City or prefecture' },
  county: { 'zh-CN': '县（区、县级市）', en: 'County or district' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  loadFailed: { 'zh-CN': '加载失败，请刷新页面重试', en: 'Could not load the list – reload the page' },
} satisfies Record<string, Text>;

export type StringKey = keyof typeof strings;

/**
 * A UI text in a locale with `{name}` placeholders filled in.
 * @example format(strings.stepOf, 'en', { n: 2, total: 5 }) // 'Step 2 of 5'
 */
export function format(text: Text, locale: Locale, params?: Record<string, string | number>): string {
  const s = text[locale];
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}
