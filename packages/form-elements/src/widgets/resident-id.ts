import type { Json } from '@onething/engine/runtime';
import { format, strings } from '../i18n/strings.js';
import { enumOptions } from '../model/schema.js';
import { parseResidentId } from './checks.js';
import { codeInput, normaliseCode } from './common.js';
import type { WidgetContext, WidgetDescriptor } from './types.js';


const MALE = ['male', 'm', '1', '男'];
const FEMALE = ['female', 'f', '2', '女'];

/** The option of a sex field that means `sex`, whatever codes the definition uses (male/female, 1/2, M/F). */
function sexValue(ctx: WidgetContext, path: string, sex: string): Json | undefined {
  const schema = ctx.schemaOf(path);
  const wanted = /^(f|female|2|女)$/i.test(sex) ? FEMALE : MALE;
  const options = schema && enumOptions(schema);
  if (!options) return wanted === FEMALE ? 'female' : 'male';
  return options.find((o) => wanted.includes(String(o.value).toLowerCase()))?.value;
}

/**
 * Resident identity number (GB 11643, 18 characters): checks the checksum as you type, and once it
 * passes fills the birth date and sex of the same person — the sibling fields `birthDate` and `sex`
 * under the same parent path (`mother.idNumber` fills `mother.birthDate`, `mother.sex`), when they are
 * empty or still hold what an earlier number filled in (never what the person typed).
 */
export const residentIdWidget: WidgetDescriptor = {
  type: 'resident-id',
  title: { 'zh-CN': '居民身份证号码', en: 'Resident ID number' },
  match: (schema) => (schema.format === 'resident-id' ? 20 : 0),
  emptyValue: undefined,
  normalizeAsYouType: true,
  sanitize: (raw) => normaliseCode(raw),
  status(value, c) {
    if (typeof value !== 'string' || value === '') return undefined;
    if (value.length < 18) return { ok: false, text: format(strings.idIncomplete, c.locale, { n: value.length }) };
    const parsed = parseResidentId(value);
    if (!parsed) return { ok: false, text: c.t(strings.idInvalid) };
    const sex = /^(f|female|2)$/i.test(String(parsed.sex)) ? strings.female : strings.male;
    return { ok: true, text: format(strings.idValid, c.locale, { birthDate: parsed.birthDate, sex: c.t(sex) }) };
  },
  derive(value, c) {
    const parsed = typeof value === 'string' ? parseResidentId(value) : undefined;
    if (!parsed) return {};
    const before = typeof c.value === 'string' ? parseResidentId(c.value) : undefined;
    const parent = c.path.includes('.') ? c.path.slice(0, c.path.lastIndexOf('.') + 1) : '';
    const out: Record<string, Json> = {};
    const fill = (path: string, next: Json | undefined, previous: Json | undefined) => {
      if (next === undefined || !c.has(path)) return;
      const current = c.valueOf(path);
      if (current === undefined || current === null || current === '' || current === previous) out[path] = next;
    };
    fill(`${parent}birthDate`, parsed.birthDate, before?.birthDate);
    fill(
      `${parent}sex`,
      sexValue(c, `${parent}sex`, String(parsed.sex)),
      before && sexValue(c, `${parent}sex`, String(before.sex)),
    );
    return out;
  },
  render: (c) => codeInput(c),
};
