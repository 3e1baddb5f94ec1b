import type { RouteDescriptor } from '../route.js';
import { healthRoutes } from './health.js';
import { openApiRoutes } from './openapi.js';
import { portalRoutes } from './portals.js';
import { catalogRoutes } from './catalog.js';
import { applicationRoutes } from './applications.js';
import { queueRoutes } from './queue.js';
import { materialRoutes } from './materials.js';
import { definitionRoutes } from './definitions.js';
import { prefillRoutes } from './prefill.js';
import { inboxRoutes } from './inbox.js';

/**
 * Every API route, in registration order. Add an area as a file in this folder exporting
 * an array of descriptors, and list it here; the OpenAPI document follows.
 */
export function apiRoutes(): RouteDescriptor[] {
  const all: RouteDescriptor[] = [];
  all.push(
    ...healthRoutes,
    ...openApiRoutes(() => all),
    ...catalogRoutes,
    ...applicationRoutes,
    ...prefillRoutes,
    ...inboxRoutes,
    ...materialRoutes,
    ...queueRoutes,
    ...definitionRoutes,
    ...portalRoutes,
  );
  return all;
}
