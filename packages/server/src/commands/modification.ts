import { classifyProduct, DomainError } from '@hemonet/core';
import type { AuthUser } from '../auth/user.js';
import type { CommandDeps } from './deps.js';
import type { RecordedUnitEvent } from './record-unit-events.js';
import { changeUnit } from './unit-context.js';

/** Blood-bank preparation of released stock: irradiation (TA-GvHD prevention) or thawing. */
export type Modification = 'IRRADIATED' | 'THAWED';

/**
 * Irradiates or thaws a unit at the user's site; core derives the new class and expiry. A new
 * ISBT 128 product code, when given, must describe the class core derived (checked in the event's
 * transaction, so a mislabelled unit writes nothing): the label must say what the bag holds.
 */
export const modifyUnit = (
  deps: CommandDeps,
  user: AuthUser,
  din: string,
  kind: Modification,
  productCode?: string,
): Promise<RecordedUnitEvent> => {
  const labelled = productCode ? classifyProduct(deps.products, productCode) : null;
  return changeUnit(
    deps,
    user,
    din,
    { type: kind, ...(productCode ? { productCode } : {}) },
    (_tx, [recorded]) => {
      const toClass = recorded?.state.componentClass;
      if (labelled && labelled.componentClass !== toClass) {
        throw new DomainError(
          'PRODUCT_CLASS_MISMATCH',
          `product code ${productCode} is ${labelled.componentClass}, the unit is now ${toClass}`,
          { productCode, productClass: labelled.componentClass, componentClass: toClass },
        );
      }
      return Promise.resolve();
    },
  );
};
