import { css } from 'lit';

/** Layout of `<ot-status>` and `<ot-rating>`: summary, supplement request, lists, stars. */
export const statusStyles = css`
  .heading {
    font-size: 1.5em;
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 2);
  }
  h3 {
    font-size: 1.1875em;
    margin: calc(var(--_space) * 4) 0 var(--_space);
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1) calc(var(--_space) * 4);
    align-items: flex-end;
    margin: 0 0 calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    background: var(--_panel);
  }
  .summary dl {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1) calc(var(--_space) * 4);
    margin: 0;
  }
  .summary dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .summary dd {
    margin: 0;
  }
  .ref {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    word-break: break-all;
  }
  .state--closed {
    color: var(--_success);
  }
  .supplement {
    border: 3px solid #b58105;
    background: var(--_note);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 2.5);
    margin: calc(var(--_space) * 2) 0;
  }
  .supplement h3 {
    margin-top: 0;
  }
  .supplement dt {
    font-weight: 700;
    margin-top: var(--_space);
  }
  .supplement dd {
    margin: 0;
  }
  .supplement ul {
    margin: 0;
    padding-left: 1.25em;
  }
  .supplement ot-form {
    margin-top: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
  }
  .items,
  .deadlines,
  .timeline {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .items li,
  .timeline li,
  .deadlines li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
    padding: var(--_space) 0;
    border-bottom: 1px solid var(--_line);
  }
  .item-title {
    font-weight: 700;
    flex: 1 1 14em;
  }
  .item--approved .outcome {
    color: var(--_success);
  }
  .item--rejected .outcome {
    color: var(--_error);
  }
  .timeline time {
    color: var(--_muted);
    min-width: 11em;
  }
  .timeline .event {
    flex: 1 1 12em;
  }
  .rating {
    margin-top: calc(var(--_space) * 4);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_line);
  }
  .stars {
    border: 0;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
  }
  .stars legend {
    font-weight: 700;
    margin-bottom: var(--_space);
  }
  .stars .row {
    display: inline-flex;
    gap: 2px;
  }
  .stars input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .stars label {
    font-size: 2em;
    line-height: 1;
    color: var(--_line);
    cursor: pointer;
    padding: 0 2px;
  }
  /* the chosen star and those before it; while a star is pointed at, that one and those before it */
  .stars .row:not(:has(label:hover)):has(input:checked) label,
  .stars .row:has(label:hover) label {
    color: #d99000;
  }
  .stars .row:not(:has(label:hover)) input:checked + label ~ label,
  .stars .row:has(label:hover) label:hover ~ label {
    color: var(--_line);
  }
  .stars input:focus-visible + label {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  textarea {
    display: block;
    width: 100%;
    font: inherit;
    border: 2px solid var(--ot-color-border, #0b0c0c);
    border-radius: 0;
    padding: var(--_space);
    margin: var(--_space) 0 calc(var(--_space) * 2);
  }
  .error-message {
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 var(--_space);
  }
`;
