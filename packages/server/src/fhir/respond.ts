import type { FastifyRequest } from 'fastify';
import { searchsetBundle } from './bundle.js';
import type { Paging } from './search.js';
import { fhirPrefix, type FhirResource } from './systems.js';

/** A searchset Bundle for the request, linking itself and its next page. */
export const bundleFor = (
  request: FastifyRequest,
  resources: readonly FhirResource[],
  q: Paging,
): FhirResource => {
  const origin = `${request.protocol}://${request.host}`;
  return searchsetBundle(`${origin}${fhirPrefix}`, new URL(request.url, origin), resources, {
    count: q._count,
    offset: q._offset,
  });
};
