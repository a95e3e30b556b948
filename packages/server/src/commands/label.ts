import {
  formatBloodGroupCode,
  formatDin,
  formatIsbtDateContent,
  isbtDateFromCalendar,
  keyboardCheck,
  type BloodGroup,
} from '@hemonet/core';

/** The ISBT 128 data structures printed as bar codes on a released unit's label. */
export interface UnitLabel {
  /** DS001 with the type-3 check flag (ST-001 §2.4.1). */
  din: string;
  /** DS002, default use, no phenotype. */
  bloodGroup: string;
  /** DS003. */
  productCode: string;
  /** DS005 expiration date and time (UTC: the label's facility time zone is configurable later). */
  expiration: string;
}

const isbtDin = /^[A-NP-Z1-9][0-9]{12}/;

/** Label data for an ISBT 128 unit; null for units identified by a national donation code. */
export const buildLabel = (unit: {
  din: string;
  productCode: string;
  bloodGroup: BloodGroup;
  expiresAt: Date;
}): UnitLabel | null => {
  const din13 = isbtDin.exec(unit.din)?.[0];
  if (!din13) return null;
  const e = unit.expiresAt;
  const date = isbtDateFromCalendar(e.getUTCFullYear(), e.getUTCMonth() + 1, e.getUTCDate());
  const time = { hour: e.getUTCHours(), minute: e.getUTCMinutes() };
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
