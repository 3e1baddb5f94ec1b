/**
 * Dispatches a composed, bubbling custom event (designer events cross shadow roots).
 * @example emit(this, 'ot-add-item', { id: 'vaccination-certificate' })
 */
export function emit<T>(target: EventTarget, name: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
