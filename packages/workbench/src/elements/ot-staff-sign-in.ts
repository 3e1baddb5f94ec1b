import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Locale } from '@onething/engine';
import { t } from '../i18n/strings.js';
import { controls, tokens } from '../styles/theme.js';
import { emit } from './events.js';

/**
 * Sign-in with a staff token (a JWT from the identity provider; the demo prints one per role).
 * @fires ot-sign-in - `{ token }` (a leading `Bearer ` is dropped)
 */
@customElement('ot-staff-sign-in')
export class OtStaffSignIn extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: flex;
        justify-content: center;
        padding: 48px 16px;
      }
      form {
        width: min(520px, 100%);
        padding: 24px;
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      h2 {
        font-size: 18px;
      }
      p {
        font-size: 13px;
        color: var(--ot-w-muted);
      }
      textarea {
        min-height: 90px;
        font-family: var(--ot-w-mono);
        font-size: 12px;
      }
      .error {
        color: var(--ot-w-error);
      }
    `,
  ];

  /** `zh-CN` (default) or `en`. */
  @property() accessor locale: Locale = 'zh-CN';
  /** Why the last sign-in failed (localised). */
  @property() accessor error = '';
  @state() private accessor token = '';

  override render() {
    const l = this.locale;
    return html`<form
      class="card"
      aria-labelledby="sign-in-title"
      @submit=${(e: Event) => {
        e.preventDefault();
        const token = this.token.trim().replace(/^Bearer\s+/i, '');
        if (token) emit(this, 'ot-sign-in', { token });
      }}
    >
      <h2 id="sign-in-title">${t(l, 'signInTitle')}</h2>
      <p id="sign-in-hint">${t(l, 'signInHint')}</p>
      <div class="field">
        <label for="token">${t(l, 'token')}</label>
        <textarea
          id="token"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="sign-in-hint sign-in-error"
          aria-invalid=${this.error ? 'true' : 'false'}
          .value=${this.token}
          @input=${(e: Event) => (this.token = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <p class="error" id="sign-in-error" role="alert">${this.error}</p>
      <div><button class="primary" type="submit" ?disabled=${!this.token.trim()}>${t(l, 'signIn')}</button></div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-staff-sign-in': OtStaffSignIn;
  }
}
