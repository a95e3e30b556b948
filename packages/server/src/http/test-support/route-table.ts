import type { Role } from '../../auth/roles.js';

/** Identifiers the fixture creates before the table runs. */
export interface Fixtures {
  /** A discarded unit at the center and one at H1: every operation on them is illegal. */
  finalBC: string;
  finalH1: string;
  /** A unit at H1 reserved for patient P1 of H1 (patient-linked). */
  reservedH1: string;
  patientH1: string;
  /** A shipment BC → H1 still in transit. */
  shipmentToH1: string;
  notificationH1: string;
  /** A user of H1 (for disable and password reset). */
  usernameH1: string;
}

export interface Check {
  as: readonly [Role, string];
  method?: string;
  url?: string;
  payload?: unknown;
  status: number;
  code: string;
}

export interface RouteCase {
  /** A concrete URL for the route (used for the 401 check and as the checks' default). */
  url: string;
  /** 403 for a wrong role or site, or the reason why every role may call it. */
  forbidden: Check | { openToEveryRole: string };
  /** 400 for malformed input (wrong types, bad identifiers), or 'no input' for routes without any. */
  malformed: Check | 'no input';
  /** 404 for an unknown DIN or resource: required when the route names one. */
  unknown?: Check;
  /** 4xx for an illegal transition: required for every unit operation. */
  illegal?: Check;
}

const GHOST_DIN = 'G999999999999';
const GHOST_ID = '00000000-0000-4000-8000-000000000000';
const bad = (as: readonly [Role, string], payload: unknown, url?: string): Check => ({
  as,
  payload,
  status: 400,
  code: 'VALIDATION_FAILED',
  ...(url ? { url } : {}),
});
const notFound = (as: readonly [Role, string], code: string, over: Partial<Check> = {}): Check => ({
  as,
  status: 404,
  code,
  ...over,
});
const forbiddenRole = (as: readonly [Role, string], payload?: unknown): Check => ({
  as,
  payload,
  status: 403,
  code: 'FORBIDDEN',
});
const forbiddenSite = (as: readonly [Role, string], payload?: unknown, url?: string): Check => ({
  as,
  payload,
  status: 403,
  code: 'FORBIDDEN_SITE',
  ...(url ? { url } : {}),
});
const illegal = (
  as: readonly [Role, string],
  payload?: unknown,
  over: Partial<Check> = {},
): Check => ({ as, payload, status: 409, code: 'UNIT_FINAL', ...over });

const staffBC = ['center_staff', 'BC'] as const;
const bankH1 = ['hospital_blood_bank', 'H1'] as const;
const bankH2 = ['hospital_blood_bank', 'H2'] as const;
const nurseH1 = ['clinician', 'H1'] as const;
const courier = ['courier', 'H1'] as const;
const clinicianBC = ['clinician', 'BC'] as const;

type UnitOp = {
  path: string;
  who: readonly [Role, string];
  unit: 'BC' | 'H1';
  body: (f: Fixtures) => unknown;
  malformed: unknown;
};

/** Unit operations: a role without the permission is refused; the center's on BC units, the hospital's on H1 units. */
const unitOps: UnitOp[] = [
  { path: 'processing', who: staffBC, unit: 'BC', body: () => null, malformed: { note: 5 } },
  {
    path: 'split',
    who: staffBC,
    unit: 'BC',
    body: () => ({ components: [{ productCode: 'E9010V00' }] }),
    malformed: { components: [{ productCode: 42 }] },
  },
  {
    path: 'test-results',
    who: staffBC,
    unit: 'BC',
    body: () => ({ results: [{ test: 'HBsAg', result: 'negative' }] }),
    malformed: { results: [{ test: 'HBsAg', result: 'maybe' }] },
  },
  { path: 'release', who: staffBC, unit: 'BC', body: () => null, malformed: { note: 5 } },
  {
    path: 'store',
    who: staffBC,
    unit: 'BC',
    body: () => ({ locationId: 'BC-F1' }),
    malformed: { locationId: 5 },
  },
  { path: 'remove', who: staffBC, unit: 'BC', body: () => null, malformed: { note: 5 } },
  {
    path: 'hold',
    who: staffBC,
    unit: 'BC',
    body: () => ({ reason: 'MANUAL' }),
    malformed: { reason: 'BORED' },
  },
  { path: 'hold-release', who: staffBC, unit: 'BC', body: () => null, malformed: { note: [] } },
  {
    path: 'discard',
    who: staffBC,
    unit: 'BC',
    body: () => ({ reason: 'DAMAGED' }),
    malformed: { reason: 7 },
  },
  {
    path: 'return',
    who: bankH1,
    unit: 'H1',
    body: () => ({ minutesOutOfStorage: 10 }),
    malformed: { minutesOutOfStorage: '10 min' },
  },
  {
    path: 'reservation-release',
    who: bankH1,
    unit: 'H1',
    body: () => null,
    malformed: { extra: true },
  },
  {
    path: 'issue',
    who: bankH1,
    unit: 'H1',
    body: (f) => ({ patientId: f.patientH1 }),
    malformed: { patientId: 1 },
  },
  {
    path: 'irradiate',
    who: staffBC,
    unit: 'BC',
    body: () => ({ productCode: 'E9013V00' }),
    malformed: { productCode: 42 },
  },
  {
    path: 'thaw',
    who: bankH1,
    unit: 'H1',
    body: () => null,
    malformed: { productCode: 'thawed' },
  },
  {
    path: 'transfusion-start',
    who: nurseH1,
    unit: 'H1',
    body: (f) => ({ patientId: f.patientH1 }),
    malformed: {},
  },
  {
    path: 'transfusion-end',
    who: nurseH1,
    unit: 'H1',
    body: () => ({ volumeMl: 250 }),
    malformed: { volumeMl: -1 },
  },
];

const unitOpCases = (f: Fixtures): Record<string, RouteCase> =>
  Object.fromEntries(
    unitOps.map((op): [string, RouteCase] => {
      const din = op.unit === 'BC' ? f.finalBC : f.finalH1;
      const payload = op.body(f);
      // A hospital operation tried by another hospital's blood bank; a center one by a courier.
      const forbidden =
        op.unit === 'H1'
          ? forbiddenSite(['hospital_blood_bank', 'H2'], payload)
          : forbiddenRole(courier, payload);
      return [
        `POST /api/units/:din/${op.path}`,
        {
          url: `/api/units/${din}/${op.path}`,
          forbidden:
            op.who[0] === 'clinician' ? forbiddenSite(['clinician', 'H2'], payload) : forbidden,
          malformed: bad(op.who, op.malformed),
          unknown: notFound(op.who, 'UNIT_NOT_FOUND', {
            url: `/api/units/${GHOST_DIN}/${op.path}`,
            payload,
          }),
          illegal: illegal(op.who, payload),
        },
      ];
    }),
  );

/** Every route of the API and how it must refuse. Keys are `METHOD url-pattern` as fastify registers them. */
export const routeTable = (f: Fixtures): Record<string, RouteCase> => ({
  'GET /api/session': {
    url: '/api/session',
    forbidden: { openToEveryRole: 'your own session' },
    malformed: 'no input',
  },
  'DELETE /api/session': {
    url: '/api/session',
    forbidden: { openToEveryRole: 'log out of your own session' },
    malformed: 'no input',
  },
  'POST /api/session/password': {
    url: '/api/session/password',
    forbidden: { openToEveryRole: 'change your own password' },
    malformed: bad(courier, { currentPassword: 3, newPassword: 'long enough password' }),
  },
  'GET /api/users': {
    url: '/api/users',
    forbidden: forbiddenRole(nurseH1),
    malformed: bad(['admin', 'H1'], undefined, '/api/users?limit=zero'),
  },
  'POST /api/users': {
    url: '/api/users',
    forbidden: forbiddenSite(['admin', 'H1'], {
      username: 'x.h2',
      role: 'clinician',
      siteId: 'H2',
    }),
    malformed: bad(['admin', 'H1'], { username: 'x', role: 'pope', siteId: 'H1' }),
    unknown: notFound(['admin', 'BC'], 'SITE_NOT_FOUND', {
      payload: { username: 'ghost.user', role: 'clinician', siteId: 'NOPE' },
    }),
  },
  'POST /api/users/:username/disable': {
    url: `/api/users/${f.usernameH1}/disable`,
    forbidden: forbiddenSite(['admin', 'H2']),
    malformed: bad(['admin', 'H1'], undefined, '/api/users/bad%20name/disable'),
    unknown: notFound(['admin', 'H1'], 'USER_NOT_FOUND', { url: '/api/users/nobody/disable' }),
  },
  'POST /api/users/:username/password-reset': {
    url: `/api/users/${f.usernameH1}/password-reset`,
    forbidden: forbiddenSite(['admin', 'H2']),
    malformed: bad(['admin', 'H1'], undefined, '/api/users/bad%20name/password-reset'),
    unknown: notFound(['admin', 'H1'], 'USER_NOT_FOUND', {
      url: '/api/users/nobody/password-reset',
    }),
  },
  'GET /api/sites': {
    url: '/api/sites',
    forbidden: { openToEveryRole: 'the site directory is shared' },
    malformed: bad(courier, undefined, '/api/sites?sort=colour'),
  },
  'GET /api/sites/:siteId': {
    url: '/api/sites/H1',
    forbidden: { openToEveryRole: 'the site directory is shared' },
    malformed: bad(courier, undefined, '/api/sites/bad%21site'),
    unknown: notFound(courier, 'SITE_NOT_FOUND', { url: '/api/sites/NOPE' }),
  },
  'POST /api/sites': {
    url: '/api/sites',
    forbidden: {
      as: ['admin', 'H1'],
      payload: { id: 'H9', name: 'H9', kind: 'hospital', region: 'r', latitude: 1, longitude: 1 },
      status: 403,
      code: 'FORBIDDEN',
    },
    malformed: bad(['admin', 'BC'], {
      id: 'H9',
      name: 'H9',
      kind: 'castle',
      region: 'r',
      latitude: 100,
      longitude: 1,
    }),
  },
  'GET /api/travel-times': {
    url: '/api/travel-times',
    forbidden: { openToEveryRole: 'routing data is shared' },
    malformed: bad(courier, undefined, '/api/travel-times?offset=-1'),
  },
  'PUT /api/travel-times': {
    url: '/api/travel-times',
    forbidden: {
      as: ['admin', 'H1'],
      payload: { travelTimes: [{ fromSiteId: 'BC', toSiteId: 'H1', minutes: 5 }] },
      status: 403,
      code: 'FORBIDDEN',
    },
    malformed: bad(['admin', 'BC'], {
      travelTimes: [{ fromSiteId: 'BC', toSiteId: 'H1', minutes: 'five' }],
    }),
    unknown: notFound(['admin', 'BC'], 'SITE_NOT_FOUND', {
      payload: { travelTimes: [{ fromSiteId: 'BC', toSiteId: 'NOPE', minutes: 5 }] },
    }),
  },
  'GET /api/locations': {
    url: '/api/locations',
    forbidden: { openToEveryRole: 'storage locations are shared' },
    malformed: bad(courier, undefined, '/api/locations?kind=cellar'),
  },
  'GET /api/locations/:locationId': {
    url: '/api/locations/BC-F1',
    forbidden: { openToEveryRole: 'storage locations are shared' },
    malformed: bad(courier, undefined, '/api/locations/bad%20id'),
    unknown: notFound(courier, 'LOCATION_NOT_FOUND', { url: '/api/locations/NOPE' }),
  },
  'POST /api/locations': {
    url: '/api/locations',
    forbidden: forbiddenSite(['admin', 'H2'], {
      id: 'H1-X',
      siteId: 'H1',
      name: 'x',
      kind: 'fridge',
    }),
    malformed: bad(['admin', 'H1'], { id: 'H1-X', siteId: 'H1', name: 'x', kind: 'cellar' }),
    unknown: notFound(['admin', 'BC'], 'SITE_NOT_FOUND', {
      payload: { id: 'NOPE-X', siteId: 'NOPE', name: 'x', kind: 'fridge' },
    }),
  },
  'POST /api/donors': {
    url: '/api/donors',
    forbidden: forbiddenRole(bankH1, { id: 'D-X', bloodGroup: { abo: 'A', rhd: 'pos' } }),
    malformed: bad(staffBC, { id: 'D-X', bloodGroup: { abo: 'C', rhd: 'pos' } }),
  },
  'GET /api/donors': {
    url: '/api/donors',
    forbidden: forbiddenRole(courier),
    malformed: bad(staffBC, undefined, '/api/donors?abo=C'),
  },
  'GET /api/donors/:donorId': {
    url: '/api/donors/D-1',
    forbidden: forbiddenRole(nurseH1),
    malformed: bad(staffBC, undefined, '/api/donors/bad%20id'),
    unknown: notFound(staffBC, 'DONOR_NOT_FOUND', { url: '/api/donors/NOPE' }),
  },
  'POST /api/donations': {
    url: '/api/donations',
    forbidden: forbiddenRole(bankH1, {
      din: 'G123417654390',
      donorId: 'D-1',
      productCode: 'E9001V00',
    }),
    malformed: bad(staffBC, { din: 'G123417654390', donorId: 'D-1', productCode: 'whole blood' }),
    unknown: notFound(staffBC, 'DONOR_NOT_FOUND', {
      payload: { din: 'G123417654390', donorId: 'NOPE', productCode: 'E9001V00' },
    }),
    illegal: {
      as: staffBC,
      payload: { din: f.finalBC.slice(0, 13), donorId: 'D-1', productCode: 'E9001V00' },
      status: 409,
      code: 'UNIT_EXISTS',
    },
  },
  'GET /api/donations': {
    url: '/api/donations',
    forbidden: forbiddenRole(courier),
    malformed: bad(staffBC, undefined, '/api/donations?order=sideways'),
  },
  'GET /api/units': {
    url: '/api/units',
    forbidden: { openToEveryRole: 'stock levels are shared city-wide by design' },
    malformed: bad(courier, undefined, '/api/units?status=lost'),
  },
  'GET /api/stock': {
    url: '/api/stock?component=RED_CELLS&site=H1',
    forbidden: { openToEveryRole: 'stock levels are shared city-wide by design' },
    malformed: bad(courier, undefined, '/api/stock?component=BLOOD_PUDDING'),
  },
  'GET /api/redistribution-proposals': {
    url: '/api/redistribution-proposals?component=RED_CELLS',
    forbidden: forbiddenRole(nurseH1),
    malformed: bad(bankH1, undefined, '/api/redistribution-proposals'),
  },
  'GET /api/units/:din': {
    url: `/api/units/${f.reservedH1}`,
    forbidden: forbiddenSite(bankH2),
    malformed: bad(bankH1, undefined, '/api/units/bad%20din'),
    unknown: notFound(bankH1, 'UNIT_NOT_FOUND', { url: `/api/units/${GHOST_DIN}` }),
  },
  'GET /api/units/:din/trace': {
    url: `/api/units/${f.reservedH1}/trace`,
    forbidden: forbiddenSite(['clinician', 'H2']),
    malformed: bad(bankH1, undefined, '/api/units/bad%20din/trace'),
    unknown: notFound(bankH1, 'UNIT_NOT_FOUND', { url: `/api/units/${GHOST_DIN}/trace` }),
  },
  ...unitOpCases(f),
  'POST /api/shipments': {
    url: '/api/shipments',
    forbidden: forbiddenRole(nurseH1, { toSiteId: 'H2', dins: [f.finalH1] }),
    malformed: bad(staffBC, { toSiteId: 'H1', dins: 'all of them' }),
    unknown: notFound(staffBC, 'UNIT_NOT_FOUND', {
      payload: { toSiteId: 'H1', dins: [GHOST_DIN] },
    }),
    illegal: illegal(staffBC, { toSiteId: 'H1', dins: [f.finalBC] }),
  },
  'POST /api/shipments/:shipmentId/receipt': {
    url: `/api/shipments/${f.shipmentToH1}/receipt`,
    forbidden: forbiddenSite(bankH2, { scans: [f.finalH1] }),
    malformed: bad(bankH1, { scans: [42] }),
    unknown: notFound(bankH1, 'SHIPMENT_NOT_FOUND', {
      url: `/api/shipments/${GHOST_ID}/receipt`,
      payload: { scans: [f.finalH1] },
    }),
    illegal: { as: bankH1, payload: { scans: [f.finalH1] }, status: 422, code: 'NOT_IN_SHIPMENT' },
  },
  'GET /api/shipments': {
    url: '/api/shipments',
    forbidden: forbiddenRole(nurseH1),
    malformed: bad(bankH1, undefined, '/api/shipments?direction=up'),
  },
  'GET /api/shipments/:shipmentId': {
    url: `/api/shipments/${f.shipmentToH1}`,
    forbidden: forbiddenSite(bankH2),
    malformed: bad(bankH1, undefined, '/api/shipments/not-a-uuid'),
    unknown: notFound(bankH1, 'SHIPMENT_NOT_FOUND', { url: `/api/shipments/${GHOST_ID}` }),
  },
  'POST /api/patients': {
    url: '/api/patients',
    forbidden: forbiddenRole(nurseH1, { mrn: 'M-X', sex: 'female' }),
    malformed: bad(bankH1, { mrn: 'M-X', sex: 'often' }),
  },
  'GET /api/patients': {
    url: '/api/patients',
    forbidden: forbiddenRole(courier),
    malformed: bad(bankH1, undefined, '/api/patients?limit=9999'),
  },
  'GET /api/patients/:patientId': {
    url: `/api/patients/${f.patientH1}`,
    forbidden: forbiddenSite(bankH2),
    malformed: bad(bankH1, undefined, '/api/patients/not-a-uuid'),
    unknown: notFound(bankH1, 'PATIENT_NOT_FOUND', { url: `/api/patients/${GHOST_ID}` }),
  },
  'POST /api/patients/:patientId/blood-groups': {
    url: `/api/patients/${f.patientH1}/blood-groups`,
    forbidden: forbiddenSite(bankH2, { bloodGroup: { abo: 'O', rhd: 'pos' }, sampleId: 'S9' }),
    malformed: bad(bankH1, { bloodGroup: { abo: 'O', rhd: 'positive' }, sampleId: 'S9' }),
    unknown: notFound(bankH1, 'PATIENT_NOT_FOUND', {
      url: `/api/patients/${GHOST_ID}/blood-groups`,
      payload: { bloodGroup: { abo: 'O', rhd: 'pos' }, sampleId: 'S9' },
    }),
  },
  'POST /api/reservations': {
    url: '/api/reservations',
    forbidden: forbiddenSite(bankH2, {
      patientId: f.patientH1,
      dins: [f.finalH1],
      until: '2100-01-01T00:00:00Z',
    }),
    malformed: bad(bankH1, { patientId: f.patientH1, dins: [f.finalH1], until: 'soon' }),
    unknown: notFound(bankH1, 'UNIT_NOT_FOUND', {
      payload: { patientId: f.patientH1, dins: [GHOST_DIN], until: '2100-01-01T00:00:00Z' },
    }),
    illegal: illegal(bankH1, {
      patientId: f.patientH1,
      dins: [f.finalH1],
      until: '2100-01-01T00:00:00Z',
    }),
  },
  'GET /api/patients/:patientId/unit-suggestions': {
    url: `/api/patients/${f.patientH1}/unit-suggestions?component=RED_CELLS&quantity=2&purpose=transfuse`,
    forbidden: forbiddenSite(bankH2),
    malformed: bad(
      bankH1,
      undefined,
      `/api/patients/${f.patientH1}/unit-suggestions?component=RED_CELLS&quantity=0&purpose=transfuse`,
    ),
    unknown: notFound(bankH1, 'PATIENT_NOT_FOUND', {
      url: `/api/patients/${GHOST_ID}/unit-suggestions?component=RED_CELLS&quantity=2&purpose=reserve`,
    }),
  },
  'POST /api/bedside-checks': {
    url: '/api/bedside-checks',
    forbidden: forbiddenRole(courier, { din: f.finalH1, patientId: f.patientH1 }),
    malformed: bad(nurseH1, { din: f.finalH1 }),
    unknown: notFound(nurseH1, 'UNIT_NOT_FOUND', {
      payload: { din: GHOST_DIN, patientId: f.patientH1 },
    }),
    illegal: illegal(nurseH1, { din: f.finalH1, patientId: f.patientH1 }),
  },
  'POST /api/reactions': {
    url: '/api/reactions',
    forbidden: forbiddenSite(['clinician', 'H2'], {
      din: f.finalH1,
      reactionType: 'allergic',
      severity: 'severe',
      imputability: 2,
    }),
    malformed: bad(nurseH1, {
      din: f.finalH1,
      reactionType: 'allergic',
      severity: 'severe',
      imputability: 4,
    }),
    unknown: notFound(nurseH1, 'UNIT_NOT_FOUND', {
      payload: { din: GHOST_DIN, reactionType: 'allergic', severity: 'severe', imputability: 2 },
    }),
    illegal: {
      as: nurseH1,
      payload: { din: f.finalH1, reactionType: 'allergic', severity: 'severe', imputability: 2 },
      status: 422,
      code: 'NOT_TRANSFUSED',
    },
  },
  'GET /api/reactions': {
    url: '/api/reactions',
    forbidden: forbiddenRole(courier),
    malformed: bad(nurseH1, undefined, '/api/reactions?order=up'),
  },
  'GET /api/near-misses': {
    url: '/api/near-misses',
    forbidden: forbiddenRole(courier),
    malformed: bad(nurseH1, undefined, '/api/near-misses?limit=-2'),
  },
  'POST /api/lookbacks': {
    url: '/api/lookbacks',
    forbidden: forbiddenRole(bankH1, { donationId: f.finalBC.slice(0, 13), reason: 'x' }),
    malformed: bad(staffBC, { donorId: 'D-1', donationId: 'X', reason: 'both given' }),
    unknown: notFound(staffBC, 'DONATION_NOT_FOUND', {
      payload: { donationId: 'NOPE', reason: 'x' },
    }),
  },
  'GET /api/notifications': {
    url: '/api/notifications',
    forbidden: { openToEveryRole: 'each site reads its own notifications' },
    malformed: bad(courier, undefined, '/api/notifications?unacknowledged=maybe'),
  },
  'POST /api/notifications/:id/acknowledge': {
    url: `/api/notifications/${f.notificationH1}/acknowledge`,
    forbidden: forbiddenSite(['hospital_blood_bank', 'H2']),
    malformed: bad(bankH1, undefined, '/api/notifications/not-a-uuid/acknowledge'),
    unknown: notFound(bankH1, 'NOTIFICATION_NOT_FOUND', {
      url: `/api/notifications/${GHOST_ID}/acknowledge`,
    }),
  },
  'GET /api/audit': {
    url: '/api/audit',
    forbidden: forbiddenRole(clinicianBC),
    malformed: bad(['auditor', 'H1'], undefined, '/api/audit?order=random'),
  },
  'GET /api/devices': {
    url: '/api/devices',
    forbidden: forbiddenSite(nurseH1, undefined, '/api/devices?site=H2'),
    malformed: bad(nurseH1, undefined, '/api/devices?site=H1&site=H2'),
  },
  'POST /api/devices': {
    url: '/api/devices',
    forbidden: forbiddenRole(staffBC, { siteId: 'BC', kind: 'fridge' }),
    malformed: bad(['admin', 'BC'], { siteId: 'BC', kind: 'toaster' }),
    unknown: notFound(['admin', 'BC'], 'SITE_NOT_FOUND', {
      payload: { siteId: 'NOPE', kind: 'fridge' },
    }),
  },
  'POST /api/devices/:deviceId/rotate': {
    url: '/api/devices/NO-SUCH-DEVICE/rotate',
    forbidden: forbiddenRole(staffBC),
    malformed: bad(['admin', 'BC'], undefined, '/api/devices/bad%21id/rotate'),
    unknown: notFound(['admin', 'BC'], 'DEVICE_NOT_FOUND'),
  },
  'GET /api/events': {
    url: '/api/events',
    forbidden: { openToEveryRole: 'each user hears the live events of the sites they may see' },
    malformed: 'no input',
  },
  'GET /api/alarms': {
    url: '/api/alarms',
    forbidden: forbiddenSite(nurseH1, undefined, '/api/alarms?site=H2'),
    malformed: bad(nurseH1, undefined, '/api/alarms?status=on-fire'),
  },
  'POST /api/alarms/:alarmId/acknowledge': {
    url: '/api/alarms/999999/acknowledge',
    forbidden: forbiddenRole(courier, { comment: 'seen' }),
    malformed: bad(bankH1, { comment: 5 }),
    unknown: notFound(bankH1, 'ALARM_NOT_FOUND', { payload: { comment: 'seen' } }),
  },
  'POST /api/alarms/:alarmId/close': {
    url: '/api/alarms/999999/close',
    forbidden: forbiddenRole(courier),
    malformed: bad(bankH1, undefined, '/api/alarms/abc/close'),
    unknown: notFound(bankH1, 'ALARM_NOT_FOUND'),
  },
  'GET /api/alarms/:alarmId/units': {
    url: '/api/alarms/999999/units',
    forbidden: { openToEveryRole: 'the units an alarm held are visible wherever the alarm is' },
    malformed: bad(nurseH1, undefined, '/api/alarms/abc/units'),
    unknown: notFound(nurseH1, 'ALARM_NOT_FOUND'),
  },
  'POST /api/alarms/:alarmId/units/:din/disposition': {
    url: `/api/alarms/999999/units/${f.finalBC}/disposition`,
    forbidden: forbiddenRole(courier, { decision: 'discard' }),
    malformed: bad(staffBC, { decision: 'maybe' }),
    unknown: notFound(staffBC, 'ALARM_NOT_FOUND', { payload: { decision: 'discard' } }),
  },
  'GET /api/units/:din/thermal-history': {
    url: `/api/units/${f.finalBC}/thermal-history`,
    forbidden: forbiddenSite(
      ['clinician', 'H2'],
      undefined,
      `/api/units/${f.reservedH1}/thermal-history`,
    ),
    malformed: bad(staffBC, undefined, '/api/units/bad%21din/thermal-history'),
    unknown: notFound(staffBC, 'UNIT_NOT_FOUND', {
      url: `/api/units/${GHOST_DIN}/thermal-history`,
    }),
  },
  'GET /fhir/BiologicallyDerivedProduct/:id': {
    url: `/fhir/BiologicallyDerivedProduct/${f.reservedH1}`,
    forbidden: forbiddenSite(bankH2),
    malformed: bad(bankH1, undefined, '/fhir/BiologicallyDerivedProduct/bad%20din'),
    unknown: notFound(bankH1, 'UNIT_NOT_FOUND', {
      url: `/fhir/BiologicallyDerivedProduct/${GHOST_DIN}`,
    }),
  },
  'GET /fhir/BiologicallyDerivedProduct': {
    url: '/fhir/BiologicallyDerivedProduct',
    forbidden: {
      openToEveryRole: 'stock is shared city-wide (patient-linked units only at their site)',
    },
    malformed: bad(courier, undefined, '/fhir/BiologicallyDerivedProduct?product-status=lost'),
  },
  'GET /fhir/BiologicallyDerivedProductDispense': {
    url: `/fhir/BiologicallyDerivedProductDispense?patient=${f.patientH1}`,
    forbidden: forbiddenSite(bankH2),
    malformed: bad(bankH1, undefined, '/fhir/BiologicallyDerivedProductDispense'),
  },
  'GET /fhir/Procedure': {
    url: `/fhir/Procedure?patient=Patient/${f.patientH1}`,
    forbidden: forbiddenSite(['clinician', 'H2']),
    malformed: bad(nurseH1, undefined, `/fhir/Procedure?patient=${f.patientH1}&subject=x`),
  },
  'GET /fhir/AdverseEvent': {
    url: `/fhir/AdverseEvent?patient=${f.patientH1}`,
    forbidden: forbiddenRole(courier),
    malformed: bad(nurseH1, undefined, `/fhir/AdverseEvent?patient=${f.patientH1}&_count=0`),
  },
});
