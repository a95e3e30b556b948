import type { ResolvedLifecycleOptions } from './options.js';
import type { UnitState } from './state.js';
import type { EventContext, ParsedUnitEvent, UnitEventType } from './types.js';

export type EventOf<T extends UnitEventType> = Extract<ParsedUnitEvent, { type: T }>;

/** Applies one already-legal event to an existing unit; throws a DomainError when a guard refuses. */
export type Handler<T extends UnitEventType> = (
  s: UnitState,
  e: EventOf<T>,
  ctx: EventContext,
  o: ResolvedLifecycleOptions,
) => UnitState;

export type HandlerTable<T extends UnitEventType> = { [K in T]: Handler<K> };
