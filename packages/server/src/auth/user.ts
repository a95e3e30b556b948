import type { Role } from './roles.js';

/** The authenticated person behind a request; every change records `username` as its actor. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  siteId: string;
}
