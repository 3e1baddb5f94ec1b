import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ChildPart, type PartInfo } from 'lit/directive.js';

const templates = new Map<string, HTMLTemplateElement>();

/**
 * A `<template>` holding the `<option>`s of a placeholder and label list, built once per distinct
 * list (by content: 200 selects of the same 30 regions share one).
 */
function optionsTemplate(labels: readonly string[], placeholder: string): HTMLTemplateElement {
  const key = `${placeholder}\u0000${labels.join('\u0000')}`;
  let template = templates.get(key);
  if (!template) {
    template = document.createElement('template');
    template.content.append(new Option(placeholder, ''), ...labels.map((label, i) => new Option(label, String(i))));
    templates.set(key, template);
  }
  return template;
}

/**
 * Renders the `<option>`s of a `<select>` by cloning a cached template (no Lit part per option:
 * 200 selects × 30 options would otherwise cost 12,000 parts), and keeps `selectedIndex` in step
 * with the value — also on the first render, when a `.value` binding on the `<select>` would run
 * before its options exist. Option text is set through `textContent` (never parsed as HTML).
 */
class SelectOptions extends Directive {
  private labels?: readonly string[];
  private placeholder?: string;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.CHILD) throw new Error('selectOptions() goes inside a <select>');
  }

  render(_labels: readonly string[], _placeholder: string, _selected: number): unknown {
    return nothing;
  }

  override update(part: ChildPart, [labels, placeholder, selected]: [readonly string[], string, number]): unknown {
    const select = part.parentNode as HTMLSelectElement;
    if (labels === this.labels && placeholder === this.placeholder) {
      if (select.selectedIndex !== selected + 1) select.selectedIndex = selected + 1;
      return noChange;
    }
    this.labels = labels;
    this.placeholder = placeholder;
    const fragment = optionsTemplate(labels, placeholder).content.cloneNode(true) as DocumentFragment;
    // selectedness travels with the option into the <select>; the placeholder is selected anyway (first option)
    const option = selected >= 0 ? (fragment.children[selected + 1] as HTMLOptionElement | undefined) : undefined;
    if (option) option.selected = true;
    return fragment;
  }
}

/**
 * `<select>${selectOptions(labels, placeholder, selectedIndex)}</select>`: option `i` has value `"i"`,
 * the placeholder has value `""`; `selectedIndex` −1 selects the placeholder.
 * Pass the same `labels` array (by identity) to reuse the cached options.
 */
export const selectOptions = directive(SelectOptions);
