import {
  formatBloodGroupCode,
  formatDin,
  formatIsbtDateContent,
  isbtDateFromCalendar,
  keyboardCheck,
  type BloodGroup,
} from '@hemonet/core';
import { findSiteTimeZone } from '../db/repos/sites-repo.js';
import { defaultTimeZone, wallClock } from '../time-zone.js';
import type { CommandDeps } from './deps.js';

/** The ISBT 128 data structures printed as bar codes on a released unit's label. */
export interface UnitLabel {
  /** DS001 with the type-3 check flag (ST-001 §2.4.1). */
  din: string;
  /** DS002, default use, no phenotype. */
  bloodGroup: string;
  /** DS003. */
  productCode: string;
  /** DS005 expiration date and time, in the local time of the labelling site (see buildLabel). */
  expiration: string;
}

/** What a label says about a unit. */
export interface LabelledUnit {
  din: string;
  productCode: string;
  bloodGroup: BloodGroup;
  expiresAt: Date;
}

const isbtDin = /^[A-NP-Z1-9][0-9]{12}/;

/**
 * Label data for an ISBT 128 unit; null for units identified by a national donation code.
 *
 * DS005 holds a bare date and time with no offset (ST-001), so people read it as local time: it
 * is written in `timeZone`, the zone of the site holding the unit when it is labelled. Labels are
 * printed at release, at the site that released the unit (a unit is changed only at its own site),
 * and the people who first read them work there. A unit shipped on keeps the label it was printed
 * with; a network spanning several zones is the exception (China has one).
 */
export const buildLabel = (unit: LabelledUnit, timeZone: string): UnitLabel | null => {
  const din13 = isbtDin.exec(unit.din)?.[0];
  if (!din13) return null;
  const local = wallClock(unit.expiresAt, timeZone);
  const date = isbtDateFromCalendar(local.year, local.month, local.day);
  const time = { hour: local.hour, minute: local.minute };
  return {
    din: formatDin({ din: din13, flag: keyboardCheck(din13).flag }),
    bloodGroup: formatBloodGroupCode({
      kind: 'group',
      group: unit.bloodGroup,
      use: 'default',
      phenotype: '0',
    }),
    productCode: `=<${unit.productCode}`,
    expiration: `&>${formatIsbtDateContent('DS005', { ...date, time })}`,
  };
};

/** The label of a unit just released, in the time zone of the site holding it. */
export const labelForUnit = async (
  deps: CommandDeps,
  unit: LabelledUnit & { siteId: string },
): Promise<UnitLabel | null> =>
  buildLabel(unit, (await findSiteTimeZone(deps.db, unit.siteId)) ?? defaultTimeZone);
