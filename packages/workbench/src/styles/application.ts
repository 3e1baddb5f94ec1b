import { css } from 'lit';

/** Layout of `<ot-application>`: the head, the summary, data beside the actions, notices, the supplement bar. */
export const applicationStyles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 14px;
    margin-bottom: 10px;
  }
  .head h2 {
    font-size: 17px;
  }
  .head .number {
    font-family: var(--ot-w-mono);
    font-size: 13px;
    color: var(--ot-w-muted);
  }
  .head .state {
    font-size: 12px;
    padding: 1px 8px;
    border-radius: 10px;
    background: var(--ot-w-primary-soft);
    color: var(--ot-w-primary-dark);
    font-weight: 600;
  }
  .head .tools {
    margin-left: auto;
    display: flex;
    gap: 6px;
  }
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
    gap: 8px 16px;
    padding: 10px 14px;
    margin: 0 0 12px;
  }
  .summary dt {
    font-size: 12px;
    color: var(--ot-w-muted);
  }
  .summary dd {
    margin: 0;
    font-size: 13px;
  }
  .summary .deadline {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }
  .summary .deadline .left {
    color: var(--ot-w-muted);
    font-size: 12px;
  }
  .summary .deadline--overdue .left {
    color: var(--ot-w-error);
    font-weight: 600;
  }
  .cols {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 370px;
    grid-template-areas: 'main aside';
    gap: 14px;
    align-items: start;
  }
  .cols > .main {
    grid-area: main;
    min-width: 0;
  }
  .cols > aside {
    grid-area: aside;
  }
  .panel {
    padding: 12px 14px;
  }
  .panel + .panel {
    margin-top: 12px;
  }
  .panel > h2,
  .panel-head h2 {
    font-size: 14px;
    margin-bottom: 8px;
  }
  .panel-head {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
  }
  .panel-head button[aria-pressed='true'] {
    background: var(--ot-w-primary-soft);
  }
  .focus-note {
    margin: -4px 0 8px;
  }
  aside {
    position: sticky;
    top: 12px;
  }
  .notice {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px 12px;
    border-radius: var(--ot-w-radius);
    margin-bottom: 12px;
    font-size: 13px;
  }
  .notice.conflict,
  .notice.error {
    background: var(--ot-w-error-soft);
    color: var(--ot-w-error);
    border: 1px solid #f3b8b2;
  }
  .notice.success {
    background: var(--ot-w-success-soft);
    color: var(--ot-w-success);
    border: 1px solid #a9d8bd;
  }
  .flagging {
    background: var(--ot-w-warning-soft);
    border: 1px solid #f1d58a;
    color: #5c3d00;
    padding: 8px 12px;
    border-radius: var(--ot-w-radius);
    margin-bottom: 10px;
    font-size: 13px;
  }
  .flagbar {
    position: sticky;
    bottom: 0;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 10px;
    padding: 10px 14px;
    margin-top: 12px;
    background: #fff;
    border: 1px solid var(--ot-w-line-strong);
    border-radius: var(--ot-w-radius);
    box-shadow: 0 -4px 16px rgba(15, 42, 85, 0.08);
  }
  .flagbar .count {
    font-size: 13px;
    font-weight: 600;
  }
  .flagbar .note {
    flex: 1 1 260px;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .flagbar textarea {
    min-height: 34px;
  }
  .flagbar .problem {
    flex-basis: 100%;
    color: var(--ot-w-error);
    font-size: 13px;
  }
  .flagbar .buttons {
    display: flex;
    gap: 8px;
    margin-left: auto;
  }
  .message {
    padding: 24px;
  }
  .message.error {
    color: var(--ot-w-error);
  }
  @media (max-width: 1100px) {
    .cols {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'aside' 'main';
    }
    aside {
      position: static;
    }
  }
`;
