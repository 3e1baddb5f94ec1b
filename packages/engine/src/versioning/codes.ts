import type { DiagnosticCode } from '../diagnostics/types.js';
import { defineCode } from '../diagnostics/define.js';
import { text } from '../text.js';

// Codes reported by `checkVersion` (publishing a new version). Each has a page docs/errors/<code>.md.

export const versionNotGreater = defineCode<{ previous: string; next: string }>(
  'version-not-greater',
  'error',
  text('版本号没有增加', 'Version not greater'),
  ({ previous, next }) => text(`新版本 ${next} 必须大于已发布的 ${previous}`, `The new version ${next} must be greater than the published ${previous}`),
);

export const versionBumpTooSmall = defineCode<{ previous: string; next: string; required: string; actual: string; reasons: string[] }>(
  'version-bump-too-small',
  'error',
  text('版本号升级不足', 'Version bump too small'),
  ({ previous, next, required, actual, reasons }) =>
    text(
      `${previous} → ${next} 只升级了${LEVEL_ZH[actual] ?? actual}，但改动需要升级${LEVEL_ZH[required] ?? required}：${reasons.join('；')}`,
      `${previous} → ${next} is a ${actual} bump, but the changes need a ${required} one: ${reasons.join('; ')}`,
    ),
);

export const versionNotComparable = defineCode<{ problem: string }>(
  'version-not-comparable',
  'error',
  text('无法比较两个版本', 'Versions not comparable'),
  ({ problem }) => text(`两个定义无法作为同一定义的版本比较：${problem}`, `The two definitions are not versions of one definition: ${problem}`),
);

const LEVEL_ZH: Record<string, string> = { major: '主版本号', minor: '次版本号', patch: '修订号' };

/** Every code of the versioning area. */
export const versioningCodes: DiagnosticCode<any>[] = [versionNotGreater, versionBumpTooSmall, versionNotComparable];
