import { fhirRoutes } from '../../fhir/router.js';
import type { RouteModule } from '../types.js';
import { alarmRoutes } from './alarms/routes.js';
import { alarmUnitRoutes } from './alarms/unit-routes.js';
import { thermalRoutes } from './thermal/routes.js';
import { deviceRoutes } from './devices/routes.js';
import { eventRoutes } from './events/routes.js';
import { auditRoutes } from './audit/routes.js';
import { bedsideRoutes } from './bedside/routes.js';
import { donorRoutes } from './donors/routes.js';
import { healthRoutes } from './health/routes.js';
import { locationRoutes } from './locations/routes.js';
import { lookbackRoutes } from './lookbacks/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { patientRoutes } from './patients/routes.js';
import { reactionRoutes } from './reactions/routes.js';
import { redistributionRoutes } from './redistribution/routes.js';
import { reservationRoutes } from './reservations/routes.js';
import { sessionRoutes } from './session/routes.js';
import { shipmentRoutes } from './shipments/routes.js';
import { siteRoutes } from './sites/routes.js';
import { stockRoutes } from './stock/routes.js';
import { unitSuggestionRoutes } from './unit-suggestions/routes.js';
import { unitActionRoutes } from './units/actions.js';
import { unitReleaseRoutes } from './units/release.js';
import { unitRoutes } from './units/routes.js';
import { userRoutes } from './users/routes.js';

/** Every resource of the API; a new resource is one line here. */
export const routeModules: readonly RouteModule[] = [
  healthRoutes,
  sessionRoutes,
  userRoutes,
  siteRoutes,
  locationRoutes,
  donorRoutes,
  unitRoutes,
  stockRoutes,
  unitActionRoutes,
  unitReleaseRoutes,
  shipmentRoutes,
  redistributionRoutes,
  patientRoutes,
  reservationRoutes,
  unitSuggestionRoutes,
  bedsideRoutes,
  reactionRoutes,
  lookbackRoutes,
  notificationRoutes,
  auditRoutes,
  deviceRoutes,
  alarmRoutes,
  alarmUnitRoutes,
  thermalRoutes,
  eventRoutes,
  fhirRoutes,
];
