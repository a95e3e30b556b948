import type { RouteModule } from '../types.js';
import { healthRoutes } from './health/routes.js';
import { sessionRoutes } from './session/routes.js';

/** Every resource of the API; a new resource is one line here. */
export const routeModules: readonly RouteModule[] = [healthRoutes, sessionRoutes];
