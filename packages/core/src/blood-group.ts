import { z } from 'zod';

export const aboGroups = ['O', 'A', 'B', 'AB'] as const;
export type Abo = (typeof aboGroups)[number];
export const rhdTypes = ['pos', 'neg'] as const;
export type RhD = (typeof rhdTypes)[number];

export const bloodGroupSchema = z.object({ abo: z.enum(aboGroups), rhd: z.enum(rhdTypes) });
export type BloodGroup = z.infer<typeof bloodGroupSchema>;

export const formatBloodGroup = (g: BloodGroup): string =>
  `${g.abo} RhD ${g.rhd === 'pos' ? 'positive' : 'negative'}`;

/** All eight ABO/RhD groups, a convenient fixed order for tables and generators. */
export const allBloodGroups: readonly BloodGroup[] = aboGroups.flatMap((abo) =>
  rhdTypes.map((rhd) => ({ abo, rhd })),
);
