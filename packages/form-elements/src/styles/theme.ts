import { css } from 'lit';

/**
 * The theme's design tokens: every `--ot-*` custom property (docs/form-elements.md) read once into
 * a private `--_*` one with its default, and the type. The SDK's elements start from the same
 * tokens, so one set of custom properties themes the form and everything around it.
 * @example static styles = css`${themeTokens} .mine { color: var(--_primary); }`
 */
export const themeTokens = css`
  :host {
    --_font: var(
      --ot-font-family,
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB',
      'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif
    );
    --_text: var(--ot-color-text, #0b0c0c);
    --_muted: var(--ot-color-muted, #505a5f);
    --_border: var(--ot-color-border, #0b0c0c);
    --_line: var(--ot-color-line, #b1b4b6);
    --_primary: var(--ot-color-primary, #1d5fbf);
    --_primary-dark: var(--ot-color-primary-dark, #124485);
    --_error: var(--ot-color-error, #d4351c);
    --_success: var(--ot-color-success, #00703c);
    --_focus: var(--ot-color-focus, #ffdd00);
    --_surface: var(--ot-color-surface, #ffffff);
    --_panel: var(--ot-color-panel, #f3f2f1);
    --_note: var(--ot-color-note, #fff7bf);
    --_radius: var(--ot-radius, 4px);
    --_space: var(--ot-space, 8px);
    display: block;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--ot-font-size, 1.0625rem);
    line-height: 1.6;
  }
`;

/**
 * The default theme: a modern government service (GOV.UK's and gov.cn's service pages): clear
 * type with CJK fonts, generous spacing, thick input borders and a strong yellow focus ring.
 * Everything visual reads a `--ot-*` custom property; the parts are listed in docs/form-elements.md.
 */
export const theme = css`
  ${themeTokens}
  :host {
    background: var(--_surface);
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .form {
    max-width: var(--ot-max-width, 46rem);
  }
  .title {
    font-size: 1.75em;
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .lead {
    color: var(--_muted);
    margin: 0 0 calc(var(--_space) * 4);
  }
  .section {
    margin: 0 0 calc(var(--_space) * 5);
    /* sections off screen are not laid out until they come near; every field stays in the DOM,
       reachable by keyboard, find-in-page and assistive technology */
    content-visibility: auto;
    contain-intrinsic-size: auto 30rem;
  }
  .section-title {
    font-size: 1.35em;
    line-height: 1.3;
    margin: 0 0 calc(var(--_space) * 2);
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_line);
  }
  .section-description,
  .hint {
    color: var(--_muted);
    margin: 0 0 var(--_space);
  }
  .field {
    margin: 0 0 calc(var(--_space) * 3.5);
  }
  .field--error {
    border-left: 5px solid var(--_error);
    padding-left: calc(var(--_space) * 2);
  }
  .field--flagged {
    border-left: 5px solid var(--_primary);
    padding-left: calc(var(--_space) * 2);
  }
  .field--nested {
    margin: var(--_space) 0 0;
  }
  .label,
  .legend {
    display: block;
    font-weight: 700;
    margin: 0 0 calc(var(--_space) / 2);
    padding: 0;
  }
  .legend {
    font-size: 1.15em;
  }
  .label--small,
  .sub-label {
    font-weight: 400;
    display: block;
    margin: 0 0 4px;
  }
  .optional {
    font-weight: 400;
    color: var(--_muted);
  }
  .fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .group {
    margin: 0 0 calc(var(--_space) * 3.5);
  }
  .group:focus {
    outline: none;
  }
  .fieldset--group {
    border-left: 4px solid var(--_line);
    padding-left: calc(var(--_space) * 2);
  }
  .input,
  .select,
  .textarea {
    font: inherit;
    color: inherit;
    display: block;
    width: 100%;
    min-height: 2.5em;
    padding: 5px 8px;
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .select {
    width: auto;
    min-width: 12em;
    max-width: 100%;
  }
  .textarea {
    resize: vertical;
  }
  .w-6 {
    max-width: 8em;
  }
  .w-12 {
    max-width: 14em;
  }
  .w-20 {
    max-width: 22em;
  }
  .mono {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.04em;
  }
  .input[readonly],
  .textarea[readonly] {
    background: var(--_panel);
    border-color: var(--_line);
  }
  .field--error .input,
  .field--error .select,
  .field--error .textarea {
    border-color: var(--_error);
  }
  .error-message {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 var(--_space);
  }
  .status {
    color: var(--_muted);
    margin: 4px 0 0;
    font-size: 0.95em;
  }
  .status--ok {
    color: var(--_success);
  }
  .note {
    background: var(--_note);
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin: 0 0 var(--_space);
    border-radius: var(--_radius);
  }
  .locked-value {
    padding: 4px 0;
    white-space: pre-wrap;
  }
  .field--locked .label {
    font-weight: 400;
    color: var(--_muted);
  }
  .radios,
  .checkboxes {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .radios--inline {
    flex-direction: row;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
  }
  .radio,
  .checkbox {
    display: flex;
    align-items: center;
    gap: var(--_space);
  }
  .radio-input,
  .checkbox-input {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--_primary);
    flex: none;
  }
  .radio-label,
  .checkbox-label {
    cursor: pointer;
  }
  .division {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .button {
    font: inherit;
    font-weight: 600;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space);
    min-height: 2.6em;
    padding: 6px 18px;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: #fff;
    cursor: pointer;
    box-shadow: 0 2px 0 var(--_primary-dark);
    text-decoration: none;
  }
  .button:hover {
    background: var(--_primary-dark);
  }
  .button--secondary {
    background: var(--_panel);
    color: var(--_text);
    box-shadow: 0 2px 0 #929191;
  }
  .button--secondary:hover {
    background: #dbdad9;
  }
  .button--warning {
    background: var(--_error);
    box-shadow: 0 2px 0 #55150b;
  }
  .button--warning:hover {
    background: #aa2a16;
  }
  .button--small {
    min-height: 2.2em;
    padding: 2px 12px;
    font-size: 0.95em;
  }
  .button--link {
    background: none;
    box-shadow: none;
    color: var(--_primary);
    text-decoration: underline;
    padding: 0 4px;
    min-height: 0;
    font-weight: 400;
    justify-content: flex-start;
    text-align: start;
  }
  .button--link:hover {
    background: none;
    color: var(--_primary-dark);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: center;
    margin: calc(var(--_space) * 4) 0 0;
  }
  .row {
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .row-title {
    font-weight: 700;
    padding: 0 4px;
  }
  .row-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .upload {
    position: relative;
    display: inline-block;
    margin-top: var(--_space);
  }
  .file-input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    opacity: 0;
    cursor: pointer;
  }
  .upload:focus-within .upload-button {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_border);
  }
  .files {
    list-style: none;
    margin: var(--_space) 0;
    padding: 0;
  }
  .file {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: center;
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_line);
  }
  .file-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .file-size,
  .file-status {
    color: var(--_muted);
  }
  .file--done .file-status {
    color: var(--_success);
  }
  .file-error {
    color: var(--_error);
    font-weight: 700;
  }
  .file-progress {
    width: 10em;
    accent-color: var(--_primary);
  }
  .licence {
    margin: var(--_space) 0 0;
  }
  .items {
    background: var(--_panel);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2.5);
    margin: 0 0 calc(var(--_space) * 5);
  }
  .items-title {
    font-size: 1em;
    margin: 0 0 var(--_space);
  }
  .items-list {
    margin: 0;
    padding-left: 1.25em;
  }
  .item-department {
    color: var(--_muted);
    margin-left: var(--_space);
    font-size: 0.95em;
  }
  .supplement {
    border: 3px solid var(--_primary);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 4);
  }
  .error-summary {
    border: 5px solid var(--_error);
    padding: calc(var(--_space) * 2.5);
    margin: 0 0 calc(var(--_space) * 4);
  }
  .error-summary:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
  }
  .error-summary-title {
    font-size: 1.35em;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .error-summary-list {
    margin: 0;
    padding-left: 1.25em;
  }
  .error-summary-list a {
    color: var(--_error);
    font-weight: 700;
  }
  .steps {
    margin: 0 0 calc(var(--_space) * 4);
  }
  .steps-progress {
    color: var(--_muted);
    margin: 0 0 var(--_space);
  }
  .progress-bar {
    display: block;
    width: 100%;
    height: 6px;
    margin: 0 0 calc(var(--_space) * 2);
    border: 0;
    border-radius: 3px;
    background: var(--_panel);
    accent-color: var(--_primary);
    appearance: none;
  }
  .progress-bar::-webkit-progress-bar {
    background: var(--_panel);
    border-radius: 3px;
  }
  .progress-bar::-webkit-progress-value {
    background: var(--_primary);
    border-radius: 3px;
  }
  .progress-bar::-moz-progress-bar {
    background: var(--_primary);
  }
  .steps-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .step {
    display: flex;
    align-items: flex-start;
    line-height: 1.4;
    gap: var(--_space);
    color: var(--_muted);
  }
  .step--current {
    color: var(--_text);
    font-weight: 700;
  }
  .step-number {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2em;
    height: 2em;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
  }
  .step--done .step-number {
    background: var(--_primary);
    border-color: var(--_primary);
    color: #fff;
  }
  .step-link {
    font: inherit;
    background: none;
    border: 0;
    padding: 0;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
  }
  a {
    color: var(--_primary);
  }
  /* Focus: GOV.UK's yellow ring with a dark edge, visible on any background */
  .input:focus,
  .select:focus,
  .textarea:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_border);
  }
  .radio-input:focus-visible,
  .checkbox-input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--_border);
  }
  .button:focus-visible,
  .step-link:focus-visible,
  a:focus-visible {
    outline: 3px solid transparent;
    background: var(--_focus);
    color: var(--_text);
    box-shadow: 0 -2px var(--_focus), 0 4px var(--_border);
    text-decoration: none;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  @media (forced-colors: active) {
    .button,
    .input,
    .select,
    .textarea {
      border: 2px solid CanvasText;
    }
  }
`;
