import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { divisionsLoaded, loadDivisions } from '../model/divisions.js';

/**
 * Loads the division names when its element connects and re-renders the element once they are
 * there (until then `divisionName` gives nothing and codes are shown).
 * @example new DivisionNames(this) // in an element's constructor or field initialiser
 */
export class DivisionNames implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!divisionsLoaded()) void loadDivisions().then(() => this.host.requestUpdate());
  }
}
