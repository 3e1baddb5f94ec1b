/**
 * Dispatches a composed, bubbling custom event (workbench events cross shadow roots).
 * @example emit(this, 'ot-open-application', { id })
 */
export function emit<T>(target: EventTarget, name: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
