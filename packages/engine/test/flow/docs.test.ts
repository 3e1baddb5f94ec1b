import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chartDiagram } from '../../src/flow/diagram.js';
import { flowActions, flowGuards } from '../../src/flow/catalog/index.js';
import { orchestrationChart, orchestrationSettings } from '../../src/flow/orchestration/chart.js';
import { refusalMessages } from '../../src/flow/refusals.js';
import { notificationTemplates } from '../../src/flow/notifications.js';
import type { JsonSchema } from '../../src/json.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/flows.md', import.meta.url)), 'utf8');
const between = (name: string) => doc.slice(doc.indexOf(`<!-- ${name}:start -->`) + `<!-- ${name}:start -->`.length, doc.indexOf(`<!-- ${name}:end -->`)).trim();

/** The catalog as a Markdown table, the way docs/flows.md shows it. */
function catalogTable(): string {
  const params = (schema: JsonSchema) =>
    Object.keys(schema.properties ?? {})
      .map((k) => `\`${k}\`${(schema.required ?? []).includes(k) ? '' : '?'}`)
      .join(', ') || '—';
  const row = (kind: string, d: { type: string; title: { 'zh-CN': string; en: string }; params: JsonSchema; description: { en: string } }) =>
    `| \`${d.type}\` | ${kind} | ${d.title['zh-CN']} / ${d.title.en} | ${params(d.params)} | ${d.description.en} |`;
  return ['| type | kind | title | params | what it does |', '|---|---|---|---|---|', ...flowGuards.map((g) => row('guard', g)), ...flowActions.map((a) => row('action', a))].join('\n');
}

describe('docs/flows.md', () => {
  it('shows the catalog as it is (regenerate the table from catalogTable() when it changes)', () => {
    expect(between('catalog')).toBe(catalogTable());
  });

  it('draws the orchestration as it is generated', () => {
    expect(between('orchestration')).toBe(`\`\`\`mermaid\n${chartDiagram(orchestrationChart(orchestrationSettings({ acceptDays: 1 })))}\n\`\`\``);
  });

  it('lists every refusal code once in its table, with the HTTP status the server answers', () => {
    const rows = between('refusals')
      .split('\n')
      .slice(2)
      .map((row) => row.split('|').map((cell) => cell.trim()));
    expect(rows.map((cells) => cells[1]).sort()).toEqual(Object.keys(refusalMessages).map((code) => `\`${code}\``).sort());
    for (const cells of rows) expect(cells[2], cells[1]).toMatch(/^(400|403|409|422|500|scheduler only)$/);
  });

  it('names every built-in notification template', () => {
    expect(Object.keys(notificationTemplates).filter((t) => !doc.includes(`\`${t}\``))).toEqual([]);
  });
});
