import {
  getComponentRules,
  unitStatuses,
  type ComponentClass,
  type LifecycleOptions,
  type UnitStatus,
} from '@hemonet/core';
import { canReadSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import { assertCanSeeUnit, isPatientLinked, requireUnit } from '../commands/unit-context.js';
import {
  productRowsByDin,
  productRowsByIdentifier,
  type ProductRow,
} from '../db/repos/fhir-repo.js';
import { listUnits } from '../db/repos/unit-queries-repo.js';
import type { Queryable } from '../db/sql-client.js';
import { currentUser } from '../http/auth-hook.js';
import type { AppDeps, HemonetApp } from '../http/types.js';
import { productStatusOf, toBiologicallyDerivedProduct, type StorageRange } from './product.js';
import { bundleFor } from './respond.js';
import { idParams, pageOf, productSearch } from './search.js';

const tags = ['fhir'];

/**
 * The class's storage range in the jurisdiction. Frozen components have only an upper limit
 * ("-18 °C or colder", 21 CFR 610.53; WS 399-2012): the profiles' lower bound only bounds sensor
 * plausibility, so it is left out.
 */
export const storageRangeOf = (cls: ComponentClass, options: LifecycleOptions): StorageRange => {
  const { storage } = getComponentRules(cls, options.jurisdiction ?? 'CN', options.ruleOverrides);
  return { minC: storage.maxC < 0 ? null : storage.minC, maxC: storage.maxC };
};

const statusesFor = (status: 'available' | 'unavailable'): UnitStatus[] =>
  unitStatuses.filter((s) => productStatusOf(s) === status);

/** Stock is city-wide; patient-linked units only at their site (assertCanSeeUnit's rule). */
const visibleTo = (user: AuthUser, u: ProductRow): boolean =>
  !isPatientLinked(u) || canReadSite(user, u.siteId);

interface ProductQuery {
  identifier?: string | undefined;
  status?: 'available' | 'unavailable' | undefined;
  _count: number;
  _offset: number;
}

/** One page (+1) of products matching the search, in din order. */
const searchProducts = async (
  db: Queryable,
  user: AuthUser,
  q: ProductQuery,
): Promise<ProductRow[]> => {
  const statuses = q.status ? statusesFor(q.status) : undefined;
  if (q.identifier !== undefined) {
    const rows = await productRowsByIdentifier(db, q.identifier);
    const matching = rows.filter(
      (u) => visibleTo(user, u) && (!statuses || statuses.includes(u.status)),
    );
    return pageOf(matching, q);
  }
  const page = await listUnits(db, {
    statuses,
    patientSiteScope: user.role === 'auditor' ? null : user.siteId,
    sort: 'din',
    order: 'asc',
    limit: q._count + 1,
    offset: q._offset,
  });
  return productRowsByDin(
    db,
    page.map((u) => u.din),
  );
};

export const productRoutes = (fhir: HemonetApp, deps: AppDeps): void => {
  const toResource = (u: ProductRow) =>
    toBiologicallyDerivedProduct(u, storageRangeOf(u.componentClass, deps.lifecycle));
  fhir.get(
    '/BiologicallyDerivedProduct/:id',
    {
      config: { permission: 'units:read' },
      schema: { tags, summary: 'One unit as a BiologicallyDerivedProduct', params: idParams },
    },
    async (request) => {
      const unit = await requireUnit(deps.db, request.params.id);
      assertCanSeeUnit(currentUser(request), unit);
      const [row] = await productRowsByDin(deps.db, [unit.din]);
      if (!row) throw new Error(`unit ${unit.din} vanished between two reads`);
      return toResource(row);
    },
  );
  fhir.get(
    '/BiologicallyDerivedProduct',
    {
      config: { permission: 'units:read' },
      schema: { tags, summary: 'Search units (searchset Bundle)', querystring: productSearch },
    },
    async (request) => {
      const rows = await searchProducts(deps.db, currentUser(request), request.query);
      return bundleFor(request, rows.map(toResource), request.query);
    },
  );
};
