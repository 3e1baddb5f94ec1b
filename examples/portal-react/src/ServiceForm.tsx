import { useEffect, useRef } from 'react';
import { createServiceForm, type ServiceData, type ServiceForm as Form, type ServiceFormOptions } from '@onething/sdk';

/** Props: the SDK's options; `locale` and `token` may change while the form is shown. */
export type ServiceFormProps<T extends ServiceData> = ServiceFormOptions<T> & { className?: string };

/**
 * A React wrapper around `createServiceForm`: mounts the service in a div, passes locale and
 * token changes through, and removes it on unmount (StrictMode mounts twice in development: the
 * first form is destroyed as soon as it exists).
 * @example <ServiceFormView<NewbornBirth> server={url} bundle="newborn-birth" onSubmitted={…} />
 */
export function ServiceFormView<T extends ServiceData>({ className, ...options }: ServiceFormProps<T>) {
  const host = useRef<HTMLDivElement>(null);
  const form = useRef<Form<T> | null>(null);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    let gone = false;
    const element = host.current!;
    const callbacks: Partial<ServiceFormOptions<T>> = {
      onSubmitted: (r) => latest.current.onSubmitted?.(r),
      onSave: (s) => latest.current.onSave?.(s),
      onError: (e, during) => latest.current.onError?.(e, during),
      onReady: (d) => latest.current.onReady?.(d),
    };
    createServiceForm<T>(element, { ...latest.current, ...callbacks }).then(
      (created) => {
        if (gone) created.destroy();
        else form.current = created;
      },
      () => {
        // the element shows the problem and a "Try again" button; onError was called
      },
    );
    return () => {
      gone = true;
      form.current?.destroy();
      form.current = null;
      element.replaceChildren();
    };
  }, [options.server, options.bundle, options.version]);

  useEffect(() => {
    if (options.locale) form.current?.setLocale(options.locale);
  }, [options.locale]);
  useEffect(() => {
    form.current?.setToken(options.token);
  }, [options.token]);

  return <div ref={host} className={className} />;
}
