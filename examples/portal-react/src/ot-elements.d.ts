// The SDK's <ot-status> in JSX (React 19 sets these as properties of the element).
import type { TokenSource } from '@onething/sdk';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ot-status': DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
        server: string;
        application: string;
        locale?: 'zh-CN' | 'en';
        token?: TokenSource | undefined;
      };
    }
  }
}
