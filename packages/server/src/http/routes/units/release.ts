import { parseUnitState } from '@hemonet/core';
import { z } from 'zod';
import { labelForUnit } from '../../../commands/label.js';
import { changeUnit } from '../../../commands/unit-context.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { actionResultSchema, dinParams } from './schema.js';
import { actionResult } from './views.js';

const labelSchema = z
  .object({
    din: z.string(),
    bloodGroup: z.string(),
    productCode: z.string(),
    expiration: z.string(),
  })
  .nullable()
  .describe('ISBT 128 data structures for the label bar codes (null for national donation codes)');

/** Release from test quarantine (all mandatory tests negative) and labelling. */
export const unitReleaseRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/units/:din/release',
    {
      config: { permission: 'processing:write' },
      schema: {
        tags: ['unit operations'],
        summary:
          "Release a tested unit into stock and get its label data (expiry in the site's local time)",
        params: dinParams,
        body: z
          .object({ note: z.string().max(1000).optional() })
          .strict()
          .nullish(),
        response: { 200: actionResultSchema.extend({ label: labelSchema }) },
      },
    },
    async (request) => {
      const recorded = await changeUnit(deps, currentUser(request), request.params.din, {
        type: 'RELEASED',
      });
      const state = parseUnitState(recorded.state);
      return {
        ...actionResult(request.params.din, [recorded]),
        label: await labelForUnit(deps, state),
      };
    },
  );
};
