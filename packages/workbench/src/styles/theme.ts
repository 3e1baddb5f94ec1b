import { css } from 'lit';

/**
 * The workbench's look — the same tokens as the designer: a dense, quiet tool for people who use it all day. Colours and sizes are CSS custom properties
 * (`--ot-w-*`) a host page may override; fonts prefer the system CJK faces.
 */
export const tokens = css`
  :host {
    --ot-w-font: system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif;
    --ot-w-mono: ui-monospace, 'SFMono-Regular', 'Cascadia Mono', Menlo, Consolas, monospace;
    --ot-w-text: #1d2433;
    --ot-w-muted: #5a6478;
    --ot-w-faint: #8a93a6;
    --ot-w-line: #dde2ea;
    --ot-w-line-strong: #c4cbd8;
    --ot-w-bg: #f4f6f9;
    --ot-w-panel: #ffffff;
    --ot-w-hover: #eef3fb;
    --ot-w-primary: #1a56b8;
    --ot-w-primary-dark: #123f8a;
    --ot-w-primary-soft: #e7effb;
    --ot-w-error: #b42318;
    --ot-w-error-soft: #fdecea;
    --ot-w-warning: #8a5a00;
    --ot-w-warning-soft: #fff5d6;
    --ot-w-success: #146c43;
    --ot-w-success-soft: #e3f4ea;
    --ot-w-radius: 6px;
    --ot-w-focus: 0 0 0 3px rgba(26, 86, 184, 0.35);
    font-family: var(--ot-w-font);
    color: var(--ot-w-text);
    font-size: 14px;
    line-height: 1.5;
  }
`;

/** Controls shared by every workbench element: buttons, inputs, badges, tables, headings. */
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
    color: var(--ot-w-muted);
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
    border: 1px solid var(--ot-w-line-strong);
    border-radius: var(--ot-w-radius);
    background: var(--ot-w-panel);
    color: var(--ot-w-text);
    cursor: pointer;
    white-space: nowrap;
  }
  button:hover:not(:disabled) {
    background: var(--ot-w-hover);
    border-color: var(--ot-w-primary);
  }
  button:disabled {
    color: var(--ot-w-faint);
    cursor: not-allowed;
    background: var(--ot-w-bg);
  }
  button.primary {
    background: var(--ot-w-primary);
    border-color: var(--ot-w-primary);
    color: #fff;
    font-weight: 600;
  }
  button.primary:hover:not(:disabled) {
    background: var(--ot-w-primary-dark);
  }
  button.primary:disabled {
    background: #9db3d9;
    border-color: #9db3d9;
    color: #fff;
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--ot-w-primary);
    padding: 2px 6px;
    min-height: 26px;
  }
  button.quiet:hover:not(:disabled) {
    background: var(--ot-w-hover);
    border-color: transparent;
  }
  button.icon {
    min-width: 28px;
    min-height: 28px;
    padding: 0 6px;
    justify-content: center;
  }
  button.danger {
    color: var(--ot-w-error);
  }
  :focus-visible {
    outline: none;
    box-shadow: var(--ot-w-focus);
  }
  input,
  select,
  textarea {
    font: inherit;
    font-size: 13px;
    color: var(--ot-w-text);
    background: #fff;
    border: 1px solid var(--ot-w-line-strong);
    border-radius: 4px;
    padding: 4px 8px;
    min-height: 30px;
    min-width: 0;
  }
  textarea {
    width: 100%;
    resize: vertical;
    line-height: 1.5;
  }
  input:focus,
  select:focus,
  textarea:focus {
    outline: none;
    border-color: var(--ot-w-primary);
    box-shadow: var(--ot-w-focus);
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--ot-w-error);
  }
  label,
  .label {
    font-size: 12px;
    color: var(--ot-w-muted);
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
    font-family: var(--ot-w-mono);
    font-size: 12px;
  }
  .muted {
    color: var(--ot-w-muted);
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
    background: var(--ot-w-bg);
    color: var(--ot-w-muted);
    border: 1px solid var(--ot-w-line);
    white-space: nowrap;
  }
  .badge.draft {
    background: var(--ot-w-warning-soft);
    color: var(--ot-w-warning);
    border-color: #f1d58a;
  }
  .badge.published {
    background: var(--ot-w-success-soft);
    color: var(--ot-w-success);
    border-color: #a9d8bd;
  }
  .badge.error {
    background: var(--ot-w-error-soft);
    color: var(--ot-w-error);
    border-color: #f3b8b2;
  }
  .badge.warning {
    background: var(--ot-w-warning-soft);
    color: var(--ot-w-warning);
    border-color: #f1d58a;
  }
  .card {
    background: var(--ot-w-panel);
    border: 1px solid var(--ot-w-line);
    border-radius: var(--ot-w-radius);
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
    border-bottom: 1px solid var(--ot-w-line);
    vertical-align: top;
  }
  th {
    font-weight: 600;
    color: var(--ot-w-muted);
    font-size: 12px;
    background: var(--ot-w-bg);
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
