import { journeyHoldReasons } from '@hemonet/core';
import { z } from 'zod';
import type { JourneyCheck } from '../../../db/repos/shipments-repo.js';

/** A unit's journey verdict from its box logger, as the receiver and the unit's history show it. */
export const journeyCheckSchema = z.object({
  boxDeviceId: z.string(),
  checkedAt: z.date(),
  decision: z.enum(['accept', 'hold']),
  reasons: z.array(z.enum(journeyHoldReasons)),
  evidence: z.object({
    shippedAt: z.date(),
    receivedAt: z.date(),
    durationMs: z.number(),
    readingsCount: z.number().int(),
    minC: z.number().nullable(),
    maxC: z.number().nullable(),
    timeOutOfRangeMs: z.number(),
    longestGapMs: z.number(),
  }),
});

export const journeyCheckOut = (check: JourneyCheck): z.input<typeof journeyCheckSchema> => ({
  ...check,
  evidence: {
    ...check.evidence,
    shippedAt: new Date(check.evidence.shippedAt),
    receivedAt: new Date(check.evidence.receivedAt),
  },
});
