import { z } from 'zod';
import { bedsideCheck } from '../../../commands/transfusion.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { actionResultSchema, dinSchema } from '../units/schema.js';
import { actionResult } from '../units/views.js';

export const bedsideRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/bedside-checks',
    {
      config: { permission: 'bedside:write' },
      schema: {
        tags: ['transfusion'],
        summary:
          'Bedside check: patient and unit must match an issue; a mismatch is refused and recorded as a near miss',
        body: z.object({ din: dinSchema, patientId: z.string().min(1).max(64) }),
        response: { 200: actionResultSchema },
      },
    },
    async (request) =>
      actionResult(request.body.din, [
        await bedsideCheck(deps, currentUser(request), request.body),
      ]),
  );
};
