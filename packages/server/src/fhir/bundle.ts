import type { FhirResource } from './systems.js';

export interface Paging {
  count: number;
  offset: number;
}

/** `self` and, when there is a further page, `next` links for a search URL. */
const pageLinks = (selfUrl: URL, paging: Paging, hasNext: boolean) => {
  const links = [{ relation: 'self', url: selfUrl.toString() }];
  if (hasNext) {
    const next = new URL(selfUrl);
    next.searchParams.set('_offset', String(paging.offset + paging.count));
    links.push({ relation: 'next', url: next.toString() });
  }
  return links;
};

/**
 * A searchset Bundle (R5 §3.2.1.3.4 paging): callers fetch `count + 1` rows, the extra one only
 * says whether a next page exists.
 */
export const searchsetBundle = (
  baseUrl: string,
  selfUrl: URL,
  resources: readonly FhirResource[],
  paging: Paging,
): FhirResource => {
  const page = resources.slice(0, paging.count);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    link: pageLinks(selfUrl, paging, resources.length > paging.count),
    entry: page.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' },
    })),
  };
};
