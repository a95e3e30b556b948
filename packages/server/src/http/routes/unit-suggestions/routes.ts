import { componentClassSchema } from '@hemonet/core';
import { z } from 'zod';
import { suggestionPurposes, suggestUnits } from '../../../commands/unit-suggestions.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { bloodGroupView } from '../units/schema.js';

const suggestionQuery = z.object({
  component: componentClassSchema.describe('Component class, e.g. RED_CELLS'),
  quantity: z.coerce.number().int().min(1).max(20),
  purpose: z
    .enum(suggestionPurposes)
    .describe('transfuse: issue now; reserve: crossmatch and hold for a patient who may need them'),
  holdHours: z.coerce
    .number()
    .positive()
    .max(24 * 14)
    .default(72)
    .describe('How long a reservation holds the units (reserve only)'),
});

const suggestionResponse = z.object({
  patientId: z.string(),
  component: componentClassSchema,
  purpose: z.enum(suggestionPurposes),
  quantity: z.number(),
  suggestions: z.array(
    z.object({
      din: z.string(),
      bloodGroup: bloodGroupView,
      expiresAt: z.date(),
      substitute: z.boolean().describe("A compatible unit of another group than the patient's"),
    }),
  ),
  shortfall: z.number().describe('Units asked for that the site cannot offer'),
});

export const unitSuggestionRoutes: RouteModule = (app, deps) => {
  app.get(
    '/api/patients/:patientId/unit-suggestions',
    {
      config: { permission: 'crossmatch:write' },
      schema: {
        tags: ['transfusion'],
        summary:
          "Units of your site to crossmatch or issue for a patient, by the network's issuing policy (read-only)",
        params: z.object({ patientId: z.uuid() }),
        querystring: suggestionQuery,
        response: { 200: suggestionResponse },
      },
    },
    async (request) => {
      const { patientId } = request.params;
      const { component, quantity, purpose, holdHours } = request.query;
      const input = { patientId, componentClass: component, quantity, purpose, holdHours };
      const result = await suggestUnits(deps, currentUser(request), input);
      return { patientId, component, purpose, quantity, ...result };
    },
  );
};
