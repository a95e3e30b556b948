import { z } from 'zod';

/** Every user holds exactly one role at exactly one site. */
export const roles = [
  'center_staff',
  'hospital_blood_bank',
  'clinician',
  'courier',
  'auditor',
  'admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

const readers: readonly Role[] = roles;
const everyoneButCourier: readonly Role[] = roles.filter((r) => r !== 'courier');

/**
 * What each role may do. Reads include the auditor everywhere; writes never do ("an auditor reads
 * everything and changes nothing"). Writes are further scoped to the user's own site by the
 * handlers (see site-scope.ts).
 */
export const permissions = {
  'session:own': readers,
  'stock:read': readers,
  'sites:read': readers,
  'notifications:read': readers,
  'units:read': readers,
  'patients:read': ['hospital_blood_bank', 'clinician', 'auditor', 'admin'],
  'donors:read': ['center_staff', 'auditor', 'admin'],
  'shipments:read': ['center_staff', 'hospital_blood_bank', 'courier', 'auditor', 'admin'],
  'haemovigilance:read': everyoneButCourier,
  'audit:read': ['auditor', 'admin'],
  'users:read': ['auditor', 'admin'],
  'sites:write': ['admin'],
  'users:write': ['admin'],
  'donors:write': ['center_staff', 'admin'],
  'processing:write': ['center_staff', 'admin'],
  'storage:write': ['center_staff', 'hospital_blood_bank', 'admin'],
  'shipments:write': ['center_staff', 'hospital_blood_bank', 'admin'],
  'patients:write': ['hospital_blood_bank', 'admin'],
  'crossmatch:write': ['hospital_blood_bank', 'admin'],
  'bedside:write': ['clinician', 'hospital_blood_bank', 'admin'],
  'reactions:write': ['clinician', 'hospital_blood_bank', 'admin'],
  'quality:write': ['center_staff', 'hospital_blood_bank', 'admin'],
  /** Irradiating and thawing released stock: done by center and hospital blood bank staff. */
  'preparation:write': ['center_staff', 'hospital_blood_bank', 'admin'],
  'lookback:write': ['center_staff', 'admin'],
  'notifications:write': ['center_staff', 'hospital_blood_bank', 'clinician', 'courier', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof permissions;

export const roleAllows = (role: Role, permission: Permission): boolean =>
  (permissions[permission] as readonly Role[]).includes(role);
