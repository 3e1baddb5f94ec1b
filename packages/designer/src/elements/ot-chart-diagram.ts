import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Locale } from '@onething/engine';
import { t, tx } from '../i18n/strings.js';
import { chartModel, countStates, type ChartInput, type DiagramModel, type RegionNode } from '../diagram/chart-model.js';
import { edgeLines, FONT, layoutDiagram, nodeLines, type Layout, type LaidEdge, type LaidNode } from '../diagram/layout.js';
import { roleTitle } from '../diagram/roles.js';
import { controls, tokens } from '../styles/theme.js';

let uid = 0;

/**
 * A statechart drawn as a diagram: ELK lays it out, Lit draws it as SVG — states with their
 * titles, keys and time limits, compound states around their children, final states with a
 * double border, transitions labelled with their event and the roles that may send it. A
 * table of the transitions beneath is the text alternative.
 * @csspart svg - the drawing
 */
@customElement('ot-chart-diagram')
export class OtChartDiagram extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      figure {
        margin: 0;
      }
      figcaption {
        font-weight: 600;
        font-size: 13px;
        margin-bottom: 6px;
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
      }
      .scroll {
        overflow: auto;
        border: 1px solid var(--ot-d-line);
        border-radius: var(--ot-d-radius);
        background: #fbfcfe;
        max-height: 720px;
      }
      svg {
        display: block;
      }
      .node rect.box {
        fill: #fff;
        stroke: #7d8aa3;
        stroke-width: 1.2;
      }
      .node.initial rect.box {
        stroke: var(--ot-d-primary);
        stroke-width: 2;
      }
      .node.final rect.box {
        fill: #f3f5f8;
      }
      .node.region rect.box {
        fill: var(--ot-d-primary-soft);
        stroke: var(--ot-d-primary);
        stroke-dasharray: 4 3;
      }
      .compound rect.box {
        fill: rgba(232, 237, 245, 0.45);
        stroke: #9aa6bc;
        stroke-width: 1;
      }
      .compound.parallel rect.box {
        stroke-dasharray: 6 3;
      }
      .title {
        font-size: ${FONT.title}px;
        font-weight: 600;
        fill: var(--ot-d-text);
      }
      .detail {
        font-size: ${FONT.small}px;
        fill: var(--ot-d-muted);
        font-family: var(--ot-d-mono);
      }
      .edge path {
        fill: none;
        stroke: #56627a;
        stroke-width: 1.2;
      }
      .edge.done path,
      .edge.always path {
        stroke-dasharray: 4 3;
      }
      .label rect {
        fill: #fbfcfe;
        opacity: 0.92;
      }
      .label text {
        font-size: ${FONT.label}px;
        fill: #2c3a55;
      }
      .label text.event {
        font-family: var(--ot-d-mono);
        font-weight: 600;
      }
      .start {
        fill: var(--ot-d-text);
      }
      details {
        margin-top: 6px;
        font-size: 12px;
      }
      summary {
        cursor: pointer;
        color: var(--ot-d-primary);
      }
      .global {
        font-size: 12px;
        color: var(--ot-d-muted);
        margin-top: 4px;
      }
    `,
  ];

  /** The chart: an item's `flow` or the generated orchestration. */
  @property({ attribute: false }) accessor chart: ChartInput | undefined;
  /** Boxes drawn inside a parallel state without children (the items inside `processing`). */
  @property({ attribute: false }) accessor regions: RegionNode[] = [];
  @property() accessor locale: Locale = 'zh-CN';
  /** The caption (the chart's name). */
  @property() accessor caption = '';

  @state() private accessor layout: Layout | undefined;
  /** Drawn to the width of its box (default) or at its actual size, scrolling. */
  @state() private accessor fit = true;
  private model: DiagramModel | undefined;
  private marker = `ot-arrow-${++uid}`;
  private run = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('chart') || changed.has('regions') || changed.has('locale')) {
      if (!this.chart) {
        this.model = undefined;
        this.layout = undefined;
        return;
      }
      this.model = chartModel(this.chart, this.regions);
      const run = ++this.run;
      layoutDiagram(this.model, this.locale).then(
        (layout) => {
          if (run !== this.run) return;
          // Fitting a wide chart into the panel would make its text unreadable: scroll it instead.
          this.fit = layout.width <= 760;
          this.layout = layout;
        },
        () => {
          if (run === this.run) this.layout = undefined;
        },
      );
    }
  }

  private node(n: LaidNode) {
    const { title, detail } = nodeLines(n.node, this.locale);
    const classes = ['node', n.compound ? 'compound' : '', n.node.parallel ? 'parallel' : '', n.node.final ? 'final' : '', n.node.initial ? 'initial' : '', n.node.region ? 'region' : ''].join(' ');
    const cx = n.x + n.width / 2;
    return svg`<g class=${classes}>
      <rect class="box" x=${n.x} y=${n.y} width=${n.width} height=${n.height} rx=${n.compound ? 8 : 6}></rect>
      ${n.node.final ? svg`<rect class="box" x=${n.x + 3} y=${n.y + 3} width=${n.width - 6} height=${n.height - 6} rx="4" fill="none"></rect>` : nothing}
      ${
        n.compound
          ? svg`<text class="title" x=${n.x + 10} y=${n.y + 18}>${title}</text><text class="detail" x=${n.x + 10} y=${n.y + 33}>${detail}</text>`
          : svg`<text class="title" x=${cx} y=${n.y + 19} text-anchor="middle">${title}</text><text class="detail" x=${cx} y=${n.y + 35} text-anchor="middle">${detail}</text>`
      }
      ${n.node.initial ? svg`<circle class="start" cx=${n.x - 9} cy=${n.y + 9} r="4"></circle><line x1=${n.x - 6} y1=${n.y + 9} x2=${n.x} y2=${n.y + 9} stroke="#1d2433" stroke-width="1.2"></line>` : nothing}
    </g>`;
  }

  private edge(e: LaidEdge) {
    const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
    return svg`<g class="edge ${e.edge.kind}"><path d=${d} marker-end=${`url(#${this.marker})`}></path></g>`;
  }

  private label(e: LaidEdge) {
    if (!e.label) return nothing;
    const { x, y, width, height, lines } = e.label;
    return svg`<g class="label">
      <rect x=${x} y=${y} width=${width} height=${height} rx="3"></rect>
      ${lines.map((line, i) => svg`<text class=${i === 0 && e.edge.event ? 'event' : ''} x=${x + 4} y=${y + 13 + i * 14}>${line}</text>`)}
    </g>`;
  }

  override render() {
    const l = this.locale;
    const model = this.model;
    const layout = this.layout;
    if (!model) return nothing;
    const stateTitle = (id: string) => {
      const parts = id.split('.');
      let nodes = model.nodes;
      let found;
      for (const p of parts) {
        found = nodes.find((n) => n.key === p);
        nodes = found?.children ?? [];
      }
      return found ? tx(found.title, l) || found.key : id;
    };
    const label = t(l, 'diagramLabel', { title: this.caption, states: countStates(model.nodes), transitions: model.edges.length + model.global.length });
    return html`<figure>
      <figcaption>
        <span>${this.caption}</span>
        <button class="quiet small" aria-pressed=${this.fit ? 'true' : 'false'} @click=${() => (this.fit = !this.fit)}>${t(l, 'fitWidth')}</button>
      </figcaption>
      <div class="scroll" tabindex="0" role="group" aria-label=${this.caption || label}>
        ${layout
          ? html`<svg
              part="svg"
              role="img"
              aria-label=${label}
              width=${Math.ceil(layout.width)}
              height=${Math.ceil(layout.height)}
              style=${this.fit ? 'max-width:100%;height:auto' : ''} viewBox="0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}">
              <defs>
                <marker id=${this.marker} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" fill="#56627a"></path>
                </marker>
              </defs>
              ${[...layout.nodes].filter((n) => n.compound).sort((a, b) => a.depth - b.depth).map((n) => this.node(n))}
              ${layout.nodes.filter((n) => !n.compound).map((n) => this.node(n))}
              ${layout.edges.map((e) => this.edge(e))} ${layout.edges.map((e) => this.label(e))}
            </svg>`
          : html`<p class="small muted" style="padding:12px">${t(l, 'loading')}</p>`}
      </div>
      ${model.global.map(
        (g) => html`<p class="global">${t(l, 'anyState')} → ${stateTitle(g.target)}: <span class="mono">${g.event}</span>${g.roles.length ? ` (${g.roles.map((r) => roleTitle(r, l)).join(', ')})` : ''}</p>`,
      )}
      <details>
        <summary>${label}</summary>
        <table>
          <thead>
            <tr><th scope="col">${l === 'en' ? 'From' : '从'}</th><th scope="col">${l === 'en' ? 'Event' : '事件'}</th><th scope="col">${l === 'en' ? 'Who' : '角色'}</th><th scope="col">${l === 'en' ? 'To' : '到'}</th></tr>
          </thead>
          <tbody>
            ${model.edges.map(
              (e) => html`<tr>
                <td>${stateTitle(e.source)}</td>
                <td class="mono">${edgeLines(e, l)[0] ?? ''}</td>
                <td>${e.roles.map((r) => roleTitle(r, l)).join(l === 'en' ? ', ' : '、')}</td>
                <td>${stateTitle(e.target)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-chart-diagram': OtChartDiagram;
  }
}
