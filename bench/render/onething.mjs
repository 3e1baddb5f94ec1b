// onething: the Lit web component <ot-form> (@onething/form-elements) rendering a composed bundle.
// The spec becomes a composed bundle (one item, a section per block of ten fields, `visible` rules).
// The shape validator is the module onething's server serves beside a bundle — compiled ahead of time by
// bench/render/prepare.mjs (compileStandalone, no eval). It is imported when first needed, inside the
// timed validate(): fetching it from the loopback server, and the JavaScript engine compiling it on its
// first call, count there; nothing is loaded in an untimed gap. Setup: bench/render/README.md.
import '@onething/form-elements'; // registers <ot-form>
import { fingerprint, toComposed } from '@onething/render-bench/composed';

let form, loadValidator;

export async function render(container, spec) {
  const composed = toComposed(spec);
  // Fetched like a CDN asset (the harness serves the installed packages under /deps/).
  const url = `/deps/@onething/render-bench/validators/n${spec.fields.length}.js`;
  loadValidator = async () => {
    const module = await import(/* a run-time URL, not bundled */ url);
    if (module.fingerprint !== fingerprint(composed.schema)) throw new Error(`${url} was compiled for another form`);
    form.validator = module.validateShape;
  };
  form = document.createElement('ot-form');
  form.locale = 'en';
  form.composed = composed;
  container.append(form);
  await form.updateComplete;
}

export async function fill(values) {
  form.data = values;
  await form.updateComplete;
}

// Validates everything as on submit (requiredness from the engine's form state + the shape
// validator), shows the errors and the summary; true when valid.
export async function validate() {
  if (!form.validator) await loadValidator();
  return form.validate();
}

const shadow = (root) => root.querySelector('ot-form').shadowRoot;
export const count = (root) => shadow(root).querySelectorAll('input, select, textarea').length;
export const control = (root, key) => shadow(root).getElementById(`f-${key}`);
