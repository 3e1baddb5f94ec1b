import type { ComposedSection } from '@onething/engine/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { titleOf } from '../model/schema.js';
import { renderPath } from './node.js';
import type { RenderHost } from './host.js';

/** The key under which a section's version is kept (a path can't contain `§`). */
export const sectionKey = (id: string) => `§${id}`;

/** True when a section has something to show: one of its items is active and one of its fields visible. */
export function sectionShown(h: RenderHost, section: ComposedSection): boolean {
  const active = h.active();
  if (section.items.length > 0 && !section.items.some((item) => active.has(item))) return false;
  return section.fields.some((path) => h.visible(path));
}

/**
 * One section: a heading and its fields. Not a `<fieldset>` — a fieldset around many fields makes
 * showing one of them cost a relayout of all of them in Chromium; a section is a `<section>` with
 * a heading, and `content-visibility: auto` (in the theme) skips laying out sections off screen.
 */
export function renderSection(h: RenderHost, section: ComposedSection): unknown {
  return guard([h.epoch, h.version(sectionKey(section.id))], () => sectionBody(h, section));
}

function sectionBody(h: RenderHost, section: ComposedSection): TemplateResult | typeof nothing {
  if (!sectionShown(h, section)) return nothing;
  const headingId = `s-${section.id}`;
  return html`<section class="section" part="section" aria-labelledby=${headingId}>
    <h3 class="section-title" id=${headingId} part="section-title">${h.t(section.title)}</h3>
    ${section.description ? html`<p class="section-description">${h.t(section.description)}</p>` : nothing}
    ${runsOf(section).flatMap((run) => (run.group ? [renderRun(h, run.group, run.paths)] : run.paths.map((path) => renderPath(h, path))))}
  </section>`;
}

/**
 * Fields of one nested object listed together in a section that mixes objects (the "Parents"
 * section lists `mother.*` then `father.*`) are shown as a fieldset titled by the object
 * (Mother, Father). A section of one object's fields only needs no such box: its heading says it.
 */
function renderRun(h: RenderHost, group: string, paths: string[]): unknown {
  if (!paths.some((p) => h.visible(p))) return nothing;
  const schema = h.info(group)?.schema;
  return html`<fieldset class="fieldset fieldset--group group" part="group">
    <legend class="legend" part="legend">${h.t(titleOf(schema, group))}</legend>
    ${paths.map((path) => renderPath(h, path))}
  </fieldset>`;
}

interface Run {
  group: string | undefined;
  paths: string[];
}

const runs = new WeakMap<ComposedSection, Run[]>();

function runsOf(section: ComposedSection): Run[] {
  let list = runs.get(section);
  if (list) return list;
  const parent = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('.')));
  const mixed = new Set(section.fields.map(parent)).size > 1;
  list = [];
  for (const path of section.fields) {
    const group = mixed && parent(path) ? parent(path) : undefined;
    const last = list.at(-1);
    if (last && last.group === group && group !== undefined) last.paths.push(path);
    else list.push({ group, paths: [path] });
  }
  runs.set(section, list);
  return list;
}
