import { css } from 'lit';

/**
 * The designer's look: a dense, quiet admin tool. Colours and sizes are CSS custom properties
 * (`--ot-d-*`) a host page may override; fonts prefer the system CJK faces.
 */
export const tokens = css`
  :host {
    --ot-d-font: system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif;
    --ot-d-mono: ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, monospace;
    --ot-d-text: #1d2433;
    --ot-d-muted: #5a6478;
    --ot-d-faint: #8a93a6;
    --ot-d-line: #dde2ea;
    --ot-d-line-strong: #c4cbd8;
    --ot-d-bg: #f4f6f9;
    --ot-d-panel: #ffffff;
    --ot-d-hover: #eef3fb;
    --ot-d-primary: #1a56b8;
    --ot-d-primary-dark: #123f8a;
    --ot-d-primary-soft: #e7effb;
    --ot-d-error: #b42318;
    --ot-d-error-soft: #fdecea;
    --ot-d-warning: #8a5a00;
    --ot-d-warning-soft: #fff5d6;
    --ot-d-success: #146c43;
    --ot-d-success-soft: #e3f4ea;
    --ot-d-radius: 6px;
    --ot-d-focus: 0 0 0 3px rgba(26, 86, 184, 0.35);
    font-family: var(--ot-d-font);
    color: var(--ot-d-text);
    font-size: 14px;
    line-height: 1.5;
  }
`;

/** Controls shared by every designer element: buttons, inputs, badges, tables, headings. */
export const controls = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    font-weight: 600;
    line-height: 1.35;
  }
  h2 {
    font-size: 16px;
  }
  h3 {
    font-size: 14px;
  }
  h4 {
    font-size: 13px;
    color: var(--ot-d-muted);
  }
  p {
    margin: 0;
  }
  button,
  .button {
    font: inherit;
    font-size: 13px;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 30px;
    padding: 4px 12px;
    border: 1px solid var(--ot-d-line-strong);
    border-radius: var(--ot-d-radius);
    background: var(--ot-d-panel);
    color: var(--ot-d-text);
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--ot-d-hover);
    border-color: var(--ot-d-primary);
  }
  button:disabled {
    color: var(--ot-d-faint);
    cursor: not-allowed;
    background: var(--ot-d-bg);
  }
  button.primary {
    background: var(--ot-d-primary);
    border-color: var(--ot-d-primary);
    color: #fff;
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: var(--ot-d-primary-dark);
  }
  button.primary:disabled {
    background: #9db3d9;
    border-color: #9db3d9;
    color: #fff;
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--ot-d-primary);
    padding: 2px 6px;
    min-height: 26px;
  }
  button.quiet:hover:not(:disabled) {
    background: var(--ot-d-hover);
    border-color: transparent;
  }
  button.icon {
    min-width: 28px;
    min-height: 28px;
    padding: 0 6px;
    justify-content: center;
  }
  button.danger {
    color: var(--ot-d-error);
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--ot-d-focus);
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 13px;
    color: var(--ot-d-text);
    background: #fff;
    border: 1px solid var(--ot-d-line-strong);
    border-radius: 4px;
    padding: 4px 8px;
    min-height: 30px;
    min-width: 0;
  }
  textarea {
    font-family: var(--ot-d-mono);
    font-size: 12px;
    width: 100%;
    resize: vertical;
  }
  input:focus,
  select:focus,
  textarea:focus {
    outline: none;
    border-color: var(--ot-d-primary);
    box-shadow: var(--ot-d-focus);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--ot-d-error);
  }
  label {
    font-size: 12px;
    color: var(--ot-d-muted);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .row {
    display: flex;
    gap: 8px;
    align-items: center;
    flex-wrap: wrap;
  }
  .grow {
    flex: 1 1 auto;
  }
  .mono {
    font-family: var(--ot-d-mono);
    font-size: 12px;
  }
  .muted {
    color: var(--ot-d-muted);
  }
  .small {
    font-size: 12px;
  }
  .badge {
    display: inline-block;
    font-size: 11px;
    line-height: 18px;
    padding: 0 6px;
    border-radius: 9px;
    background: var(--ot-d-bg);
    color: var(--ot-d-muted);
    border: 1px solid var(--ot-d-line);
    white-space: nowrap;
  }
  .badge.draft {
    background: var(--ot-d-warning-soft);
    color: var(--ot-d-warning);
    border-color: #f1d58a;
  }
  .badge.published {
    background: var(--ot-d-success-soft);
    color: var(--ot-d-success);
    border-color: #a9d8bd;
  }
  .badge.error {
    background: var(--ot-d-error-soft);
    color: var(--ot-d-error);
    border-color: #f3b8b2;
  }
  .badge.warning {
    background: var(--ot-d-warning-soft);
    color: var(--ot-d-warning);
    border-color: #f1d58a;
  }
  .card {
    background: var(--ot-d-panel);
    border: 1px solid var(--ot-d-line);
    border-radius: var(--ot-d-radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 13px;
  }
  th,
  td {
    text-align: left;
    padding: 5px 8px;
    border-bottom: 1px solid var(--ot-d-line);
    vertical-align: top;
  }
  th {
    font-weight: 600;
    color: var(--ot-d-muted);
    font-size: 12px;
    background: var(--ot-d-bg);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
