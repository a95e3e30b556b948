import type { UnitEventType, UnitStatus } from './types.js';

/**
 * Legal events per status (issue 2 item 5): collected → in processing → quarantined → available →
 * reserved → issued → in transfusion → transfused, with holds, transit, returns and final fates.
 * Creation events (COLLECTED, COMPONENT_CREATED) apply only to a unit that does not exist yet.
 */
const table: Record<UnitStatus, readonly UnitEventType[]> = {
  collected: [
    'PROCESSING_STARTED',
    'TEST_RESULT',
    'STORED',
    'REMOVED_FROM_STORAGE',
    'SHIPPED',
    'HELD',
    'DISCARDED',
    'EXPIRED',
  ],
  // Whole blood kept whole is RELEASED from processing; split donations end PROCESSED.
  in_processing: [
    'PROCESSED',
    'TEST_RESULT',
    'RELEASED',
    'STORED',
    'REMOVED_FROM_STORAGE',
    'HELD',
    'DISCARDED',
    'EXPIRED',
  ],
  quarantined: [
    'TEST_RESULT',
    'RELEASED',
    'STORED',
    'REMOVED_FROM_STORAGE',
    'SHIPPED',
    'HELD',
    'DISCARDED',
    'EXPIRED',
  ],
  // IRRADIATED/THAWED only on released stock in the blood bank: see handlers-modify.ts.
  available: [
    'STORED',
    'REMOVED_FROM_STORAGE',
    'RESERVED',
    'ISSUED',
    'IRRADIATED',
    'THAWED',
    'SHIPPED',
    'HELD',
    'DISCARDED',
    'EXPIRED',
  ],
  reserved: [
    'STORED',
    'REMOVED_FROM_STORAGE',
    'RESERVED',
    'RESERVATION_RELEASED',
    'ISSUED',
    'IRRADIATED',
    'THAWED',
    'HELD',
    'DISCARDED',
    'EXPIRED',
  ],
  issued: [
    'BEDSIDE_CHECKED',
    'TRANSFUSION_STARTED',
    'RETURNED_TO_STOCK',
    'HELD',
    'DISCARDED',
    'EXPIRED',
  ],
  // A stopped transfusion (e.g. after a reaction) discards the remainder.
  in_transfusion: ['TRANSFUSION_ENDED', 'REACTION_REPORTED', 'DISCARDED'],
  in_transit: ['RECEIVED', 'HELD', 'DISCARDED', 'EXPIRED'],
  held: ['HOLD_RELEASED', 'STORED', 'REMOVED_FROM_STORAGE', 'DISCARDED', 'EXPIRED'],
  // Final fates: only haemovigilance reports after a transfusion (EU 2005/61/EC Art. 5).
  transfused: ['REACTION_REPORTED'],
  discarded: [],
  expired: [],
  processed: [],
};

/** Events a unit in `status` accepts (for UIs and tests); guards may still refuse one. */
export const legalEvents = (status: UnitStatus): readonly UnitEventType[] => table[status];

export const creationEvents: readonly UnitEventType[] = ['COLLECTED', 'COMPONENT_CREATED'];
