import type { Locale } from '@onething/engine/runtime';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { createApiClient, type ApiClient, type Credentials, type TokenSource } from '../api/client.js';
import { isServiceError, ServiceError } from '../api/errors.js';
import type { ApplicationView } from '../api/types.js';
import { applicantCredentials } from '../drafts/local-draft.js';
import { openStorage } from '../drafts/storage.js';
import { format, strings, type Text } from '../i18n/strings.js';
import { sdkStyles } from './styles.js';
import { statusStyles } from './status-styles.js';

/** `ot-rated`: the rating was saved. */
export interface OtRatedDetail {
  application: string;
  score: number;
  comment: string;
}

/** In reading order: what a keyboard or a screen reader meets first is the lowest score, as seen. */
const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * 好差评: after an application is finished, its applicant rates the service from 1 to 5 stars
 * with an optional comment, once. Before completion it says when rating opens; after rating it
 * shows the rating given.
 *
 * @fires ot-rated - the rating was saved: `{ application, score, comment }`
 * @csspart rating - the box
 */
@customElement('ot-rating')
export class OtRating extends LitElement {
  static override styles = [sdkStyles, statusStyles];

  @property() accessor server = '';
  @property() accessor application = '';
  @property() accessor token: TokenSource | undefined;
  @property({ attribute: 'continuation-token' }) accessor continuationToken: string | undefined;
  @property({ reflect: true }) accessor locale: Locale = 'zh-CN';

  @state() private accessor app: ApplicationView | undefined;
  @state() private accessor score = 0;
  @state() private accessor problem: Text | string | undefined;
  @state() private accessor sending = false;

  private api: ApiClient | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.api?.setLocale(this.locale);
    if ((changed.has('server') || changed.has('application') || changed.has('token') || changed.has('continuationToken')) && this.server && this.application) {
      this.api = createApiClient({ server: this.server, token: () => (typeof this.token === 'function' ? this.token() : this.token), locale: this.locale });
      void this.load();
    }
  }

  private credentials(): Credentials {
    return applicantCredentials(openStorage('local'), this.server, this.application, this.continuationToken);
  }

  private async load(): Promise<void> {
    try {
      this.app = await this.api!.application(this.application, this.credentials());
      this.problem = undefined;
    } catch (error) {
      this.problem = error instanceof ServiceError && !error.offline ? error.message : strings.networkError;
    }
  }

  private t(text: Text | string): string {
    return typeof text === 'string' ? text : (text[this.locale] ?? text['zh-CN']);
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.sending || !this.app) return;
    if (this.score < 1) {
      this.problem = strings.ratingChoose;
      return;
    }
    const comment = (this.renderRoot.querySelector('textarea')?.value ?? '').trim();
    this.sending = true;
    try {
      await this.api!.rate(this.app.id, this.score, comment, this.credentials());
      this.problem = undefined;
      this.dispatchEvent(new CustomEvent<OtRatedDetail>('ot-rated', { detail: { application: this.app.id, score: this.score, comment }, bubbles: true, composed: true }));
      await this.load();
    } catch (error) {
      if (isServiceError(error, 'already-rated')) await this.load();
      else this.problem = error instanceof ServiceError && !error.offline ? format(strings.ratingFailed, this.locale, { message: error.message }) : strings.networkError;
    } finally {
      this.sending = false;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const app = this.app;
    if (!app) return this.problem ? html`<p class="error-message" role="alert">${this.t(this.problem)}</p>` : nothing;
    if (app.rating) {
      return html`<div class="rating" part="rating" lang=${this.locale}>
        <p role="status">${format(strings.ratingGiven, this.locale, { n: app.rating.score })}</p>
        ${app.rating.comment ? html`<p class="muted">${app.rating.comment}</p>` : nothing}
      </div>`;
    }
    if (app.status !== 'closed') return html`<p class="muted" lang=${this.locale}>${this.t(strings.ratingNotYet)}</p>`;
    return html`<form class="rating" part="rating" lang=${this.locale} @submit=${(e: SubmitEvent) => void this.send(e)} novalidate>
      <h3>${this.t(strings.ratingTitle)}</h3>
      <p class="muted">${this.t(strings.ratingIntro)}</p>
      ${this.problem ? html`<p class="error-message" role="alert" id="rating-error">${this.t(this.problem)}</p>` : nothing}
      <fieldset class="stars" aria-describedby=${this.problem ? 'rating-error' : nothing}>
        <legend>${this.t(strings.ratingStars)}</legend>
        <div class="row">
          ${SCORES.map(
            (n) => html`<input type="radio" name="score" id="score-${n}" value=${n} .checked=${this.score === n} @change=${() => (this.score = n)} /><label
                for="score-${n}"
                title=${format(n === 1 ? strings.ratingStar : strings.ratingStarsN, this.locale, { n })}
                ><span aria-hidden="true">★</span><span class="visually-hidden">${format(n === 1 ? strings.ratingStar : strings.ratingStarsN, this.locale, { n })}</span></label
              >`,
          )}
        </div>
      </fieldset>
      <label for="rating-comment"><strong>${this.t(strings.ratingComment)}</strong><span class="muted">${this.t(strings.optional)}</span></label>
      <textarea id="rating-comment" name="comment" rows="3" maxlength="1000"></textarea>
      <button type="submit" ?disabled=${this.sending}>${this.t(strings.ratingSubmit)}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ot-rating': OtRating;
  }
  interface HTMLElementEventMap {
    'ot-rated': CustomEvent<OtRatedDetail>;
  }
}
