import { z } from 'zod';
import { reserveUnits } from '../../../commands/transfusion.js';
import { currentUser } from '../../auth-hook.js';
import type { RouteModule } from '../../types.js';
import { actionResultSchema, dinSchema } from '../units/schema.js';

const reservationBody = z.object({
  patientId: z.uuid(),
  dins: z.array(dinSchema).min(1).max(50),
  until: z.coerce
    .date()
    .describe('When the reservation lapses and the units return to shared stock'),
});

export const reservationRoutes: RouteModule = (app, deps) => {
  app.post(
    '/api/reservations',
    {
      config: { permission: 'crossmatch:write' },
      schema: {
        tags: ['transfusion'],
        summary: 'Crossmatch and reserve units for a patient of your site (all or none)',
        body: reservationBody,
        response: {
          201: z.object({
            patientId: z.string(),
            until: z.date(),
            events: actionResultSchema.shape.events,
          }),
        },
      },
    },
    async (request, reply) => {
      const recorded = await reserveUnits(deps, currentUser(request), request.body);
      const events = recorded.map(({ din, seq, type, at, hash }) => ({ din, seq, type, at, hash }));
      return reply
        .status(201)
        .send({ patientId: request.body.patientId, until: request.body.until, events });
    },
  );
};
