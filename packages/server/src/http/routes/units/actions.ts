import {
  discardReasonSchema,
  holdReasonSchema,
  testResultSchema,
  type UnitEvent,
} from '@hemonet/core';
import { z } from 'zod';
import type { Permission } from '../../../auth/roles.js';
import type { AuthUser } from '../../../auth/user.js';
import { recordTestResults, splitDonation, startProcessing } from '../../../commands/collection.js';
import type { RecordedUnitEvent } from '../../../commands/record-unit-events.js';
import { modifyUnit } from '../../../commands/modification.js';
import { storeUnit } from '../../../commands/stock.js';
import { releaseHold } from '../../../coldchain/dispositions.js';
import { issueUnit, startTransfusion } from '../../../commands/transfusion.js';
import { changeUnit } from '../../../commands/unit-context.js';
import { currentUser } from '../../auth-hook.js';
import type { AppDeps, HemonetApp, RouteModule } from '../../types.js';
import { actionResultSchema, dinParams } from './schema.js';
import { actionResult } from './views.js';

const note = z.string().max(1000).optional();
const noteBody = z.object({ note }).strict().nullish();

interface ActionSpec<B extends z.ZodType> {
  path: string;
  permission: Permission;
  summary: string;
  body: B;
  run: (
    deps: AppDeps,
    user: AuthUser,
    din: string,
    body: z.output<B>,
  ) => Promise<RecordedUnitEvent | RecordedUnitEvent[]>;
}

/** An operation that is exactly one event built from the body. */
interface EventSpec<B extends z.ZodType> extends Omit<ActionSpec<B>, 'run'> {
  toEvent: (body: z.output<B>) => UnitEvent;
}

/** Registers `POST /api/units/{din}/<path>`: one operation on one unit, answered the same way. */
const unitAction = <B extends z.ZodType>(
  app: HemonetApp,
  deps: AppDeps,
  spec: ActionSpec<B>,
): void => {
  app.post(
    `/api/units/:din/${spec.path}`,
    {
      config: { permission: spec.permission },
      schema: {
        tags: ['unit operations'],
        summary: spec.summary,
        params: dinParams,
        body: spec.body,
        response: { 200: actionResultSchema },
      },
    },
    async (request) => {
      const recorded = await spec.run(
        deps,
        currentUser(request),
        request.params.din,
        request.body as z.output<B>,
      );
      return actionResult(request.params.din, Array.isArray(recorded) ? recorded : [recorded]);
    },
  );
};

const productCode = z
  .string()
  .regex(/^[EF][0-9]{4}[0-9A-Za-z][0-9A-Z][0-9a-z]$/, 'an 8-character DS003 product code');
const splitBody = z.object({
  components: z
    .array(
      z.object({
        productCode,
        volumeMl: z.number().positive().max(1000).optional(),
      }),
    )
    .min(1)
    .max(8),
});
const testsBody = z.object({
  results: z
    .array(z.object({ test: z.string().min(1).max(50), result: testResultSchema }))
    .min(1)
    .max(20),
});

const issueBody = z
  .object({
    patientId: z.string().min(1),
    emergency: z.boolean().default(false),
    signature: z
      .object({
        orderedBy: z.string().min(1).max(64).describe('Username of the ordering clinician'),
        statement: z.string().trim().min(1).max(2000),
      })
      .optional()
      .describe('The ordering clinician’s signed statement: required for an emergency release'),
  })
  .refine((b) => b.emergency === (b.signature !== undefined), {
    message: 'a signature is required for, and only for, an emergency release',
    path: ['signature'],
  });

/** A new ISBT 128 product code for the relabelled unit, when the modification changes it. */
const modificationBody = z.object({ productCode: productCode.optional() }).strict().nullish();
const modifications = [
  ['irradiate', 'IRRADIATED', 'Irradiate a red-cell or platelet unit (new class and expiry)'],
  ['thaw', 'THAWED', 'Thaw a plasma or cryoprecipitate unit (new class and expiry)'],
] as const;

export const unitActionRoutes: RouteModule = (app, deps) => {
  const add = <B extends z.ZodType>(spec: ActionSpec<B>) => unitAction(app, deps, spec);
  const addEvent = <B extends z.ZodType>({ toEvent, ...spec }: EventSpec<B>) =>
    add({ ...spec, run: (d, u, din, b) => changeUnit(d, u, din, toEvent(b)) });
  add({
    path: 'processing',
    permission: 'processing:write',
    summary: 'Start component processing of a donation',
    body: noteBody,
    run: (d, u, din) => startProcessing(d, u, din),
  });
  add({
    path: 'split',
    permission: 'processing:write',
    summary: 'Split a donation into components (each starts quarantined)',
    body: splitBody,
    run: (d, u, din, b) => splitDonation(d, u, din, b),
  });
  add({
    path: 'test-results',
    permission: 'processing:write',
    summary: 'Record donation test results',
    body: testsBody,
    run: (d, u, din, b) => recordTestResults(d, u, din, b.results),
  });
  add({
    path: 'store',
    permission: 'storage:write',
    summary: 'Put a unit into a storage location of your site',
    body: z.object({ locationId: z.string().min(1).max(64) }),
    run: (d, u, din, b) => storeUnit(d, u, din, b.locationId),
  });
  addEvent({
    path: 'remove',
    permission: 'storage:write',
    summary: 'Take a unit out of storage (starts the time-out-of-storage clock)',
    body: noteBody,
    toEvent: () => ({ type: 'REMOVED_FROM_STORAGE' }),
  });
  addEvent({
    path: 'hold',
    permission: 'quality:write',
    summary: 'Hold (quarantine) a unit',
    body: z.object({ reason: holdReasonSchema, note }),
    toEvent: (b) => ({ type: 'HELD', ...b }),
  });
  add({
    path: 'hold-release',
    permission: 'quality:write',
    summary: 'Release a hold (an excursion hold is decided through its alarm)',
    body: noteBody,
    run: (d, u, din, b) => releaseHold(d, u, din, b?.note),
  });
  addEvent({
    path: 'discard',
    permission: 'quality:write',
    summary: 'Discard a unit with a reason code',
    body: z.object({ reason: discardReasonSchema, note }),
    toEvent: (b) => ({ type: 'DISCARDED', ...b }),
  });
  addEvent({
    path: 'return',
    permission: 'crossmatch:write',
    summary: 'Return an issued unit to stock (within the time-out-of-storage limit)',
    body: z.object({ minutesOutOfStorage: z.number().nonnegative().max(100_000) }),
    toEvent: (b) => ({ type: 'RETURNED_TO_STOCK', ...b }),
  });
  addEvent({
    path: 'reservation-release',
    permission: 'crossmatch:write',
    summary: 'Release a reservation',
    body: noteBody,
    toEvent: () => ({ type: 'RESERVATION_RELEASED' }),
  });
  add({
    path: 'issue',
    permission: 'crossmatch:write',
    summary:
      'Issue a unit to a patient of your site (emergency: uncrossmatched, on a clinician’s signed request)',
    body: issueBody,
    run: (d, u, din, b) => issueUnit(d, u, din, b),
  });
  for (const [path, type, summary] of modifications) {
    add({
      path,
      permission: 'preparation:write',
      summary,
      body: modificationBody,
      run: (d, u, din, b) => modifyUnit(d, u, din, type, b?.productCode),
    });
  }
  add({
    path: 'transfusion-start',
    permission: 'bedside:write',
    summary: 'Start the transfusion (after the bedside check)',
    body: z.object({ patientId: z.string().min(1) }),
    run: (d, u, din, b) => startTransfusion(d, u, din, b.patientId),
  });
  addEvent({
    path: 'transfusion-end',
    permission: 'bedside:write',
    summary: 'End the transfusion',
    body: z.object({ volumeMl: z.number().nonnegative().max(2000).optional() }),
    toEvent: (b) => ({ type: 'TRANSFUSION_ENDED', ...b }),
  });
};
