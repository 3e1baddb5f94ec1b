import type { JsonSchema, Text } from '@onething/engine';

/** A guidance question's schema as the editor reads it. */
export type Question = JsonSchema & { 'x-title'?: Text; 'x-enumTitles'?: Record<string, Text> };

/** The options of a choice question as the editor shows them: `value=中文=English` per line. @example optionsText({ enum: ['s'], 'x-enumTitles': { s: { 'zh-CN': '小', en: 'Small' } } }) // 's=小=Small' */
export function optionsText(q: Question): string {
  return (Array.isArray(q.enum) ? q.enum : []).map((v) => `${String(v)}=${q['x-enumTitles']?.[String(v)]?.['zh-CN'] ?? ''}=${q['x-enumTitles']?.[String(v)]?.en ?? ''}`).join('\n');
}

/** Reads `value=中文=English` lines back into `enum` and `x-enumTitles`. @example parseOptions('small=小型=Small') */
export function parseOptions(textValue: string): { enum: string[]; titles: Record<string, Text> } {
  const values: string[] = [];
  const titles: Record<string, Text> = {};
  for (const line of textValue.split('\n')) {
    const [value = '', zh = '', en = ''] = line.split('=').map((s) => s.trim());
    if (!value || values.includes(value)) continue;
    values.push(value);
    titles[value] = { 'zh-CN': zh || value, en: en || zh || value };
  }
  return { enum: values, titles };
}
