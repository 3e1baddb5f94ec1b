import type { ComposedSection } from '@onething/engine/runtime';
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
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
    ${section.fields.map((path) => renderPath(h, path))}
  </section>`;
}
