import { themeTokens } from '@onething/form-elements';
import { css } from 'lit';

/**
 * The SDK elements' own look, in the form's theme: every colour and size reads the same
 * `--ot-*` custom properties as `<ot-form>` (docs/form-elements.md), so one set themes both.
 * Styles are constructable stylesheets (Lit), which a strict CSP allows.
 */
export const sdkStyles = css`
  ${themeTokens}
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .wrap {
    max-width: var(--ot-max-width, 46rem);
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
    min-height: 2.5em;
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .notice {
    border-left: 5px solid var(--_primary);
    background: var(--_panel);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 2);
  }
  .notice p {
    margin: 0;
  }
  .notice p + p,
  .notice ul {
    margin-top: var(--_space);
  }
  .notice--offline {
    border-left-color: #b58105;
    background: var(--_note);
    color: var(--_text);
  }
  .notice--error {
    border-left-color: var(--_error);
    background: #fdf1ef;
    color: var(--_text);
  }
  .notice--success {
    border-left-color: var(--_success);
    background: #eef7f1;
  }
  .panel {
    border: 5px solid var(--_success);
    padding: calc(var(--_space) * 3);
    margin: 0 0 calc(var(--_space) * 4);
    text-align: center;
  }
  .panel h2 {
    margin: 0 0 var(--_space);
    font-size: 1.75em;
    line-height: 1.25;
  }
  .panel .ref {
    display: block;
    font-weight: 700;
    font-size: 1.125em;
    word-break: break-all;
  }
  .saved::before {
    content: '✓ ';
    color: var(--_success);
  }
  .saving {
    margin-left: var(--_space);
  }
  button,
  .button {
    font: inherit;
    font-size: 1em;
    line-height: 1.2;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    border: 0;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: #fff;
    box-shadow: 0 2px 0 var(--_primary-dark);
    cursor: pointer;
  }
  button:hover {
    background: var(--_primary-dark);
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid transparent;
    box-shadow: 0 0 0 3px var(--_focus), 0 0 0 6px var(--_text);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .link-button {
    background: none;
    color: var(--_primary);
    box-shadow: none;
    text-decoration: underline;
    padding: 0;
  }
  .link-button:hover {
    background: none;
    color: var(--_primary-dark);
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    border: 0;
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    button {
      border: 1px solid ButtonText;
    }
  }
`;
