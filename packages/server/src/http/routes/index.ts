import type { RouteModule } from '../types.js';
import { auditRoutes } from './audit/routes.js';
import { healthRoutes } from './health/routes.js';
import { locationRoutes } from './locations/routes.js';
import { sessionRoutes } from './session/routes.js';
import { siteRoutes } from './sites/routes.js';
import { userRoutes } from './users/routes.js';

/** Every resource of the API; a new resource is one line here. */
export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  userRoutes,
  siteRoutes,
  locationRoutes,
  auditRoutes,
];
