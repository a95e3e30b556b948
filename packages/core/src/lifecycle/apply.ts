import { z } from 'zod';
import { DomainError } from '../errors.js';
import { assertAtSite } from './guards.js';
import type { Handler, HandlerTable } from './handler.js';
import { careHandlers } from './handlers-care.js';
import { custodyHandlers } from './handlers-custody.js';
import { modifyHandlers } from './handlers-modify.js';
import { stockHandlers } from './handlers-stock.js';
import { createCollected, createComponent } from './create.js';
import { resolveLifecycleOptions, type LifecycleOptions } from './options.js';
import { isFinal, type UnitState } from './state.js';
import { legalEvents } from './transitions.js';
import {
  unitEventSchema,
  type EventContext,
  type ParsedUnitEvent,
  type UnitEvent,
  type UnitEventType,
} from './types.js';

type ExistingUnitEvent = Exclude<UnitEventType, 'COLLECTED' | 'COMPONENT_CREATED'>;

const handlers: HandlerTable<ExistingUnitEvent> = {
  ...stockHandlers,
  ...careHandlers,
  ...custodyHandlers,
  ...modifyHandlers,
};

/** Physical handling: only the site that holds the unit may record these. */
const siteBound: ReadonlySet<UnitEventType> = new Set<UnitEventType>([
  'PROCESSING_STARTED',
  'PROCESSED',
  'RELEASED',
  'STORED',
  'REMOVED_FROM_STORAGE',
  'RESERVED',
  'RESERVATION_RELEASED',
  'ISSUED',
  'IRRADIATED',
  'THAWED',
  'BEDSIDE_CHECKED',
  'TRANSFUSION_STARTED',
  'TRANSFUSION_ENDED',
  'RETURNED_TO_STOCK',
  'SHIPPED',
]);

const parseEvent = (event: UnitEvent): ParsedUnitEvent => {
  const parsed = unitEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new DomainError('EVENT_INVALID', `invalid unit event: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues,
    });
  }
  return parsed.data;
};

const create = (e: ParsedUnitEvent, ctx: EventContext): UnitState => {
  if (e.type === 'COLLECTED') return createCollected(e, ctx);
  if (e.type === 'COMPONENT_CREATED') return createComponent(e, ctx);
  throw new DomainError('UNIT_NOT_FOUND', `${e.type} needs an existing unit`, { event: e.type });
};

const assertLegal = (s: UnitState, type: UnitEventType): void => {
  if (legalEvents(s.status).includes(type)) return;
  if (type === 'COLLECTED' || type === 'COMPONENT_CREATED') {
    throw new DomainError('UNIT_EXISTS', `unit ${s.din} already exists`, {
      din: s.din,
      event: type,
    });
  }
  const [code, why] = isFinal(s.status)
    ? ['UNIT_FINAL', `its fate is final`]
    : ['ILLEGAL_TRANSITION', `not allowed in this state`];
  throw new DomainError(code, `unit ${s.din} is ${s.status}: ${type} is ${why}`, {
    din: s.din,
    status: s.status,
    event: type,
  });
};

/**
 * A hold is never refused for its time: quarantine comes first (domain.md §2.4 "quarantine
 * affected units immediately"; 21 CFR 610.46 lookback holds). A cold-chain or lookback hold
 * timed before its queries can lose the race to a concurrent event on the same unit.
 */
const orderExempt: ReadonlySet<UnitEventType> = new Set<UnitEventType>(['HELD']);

/**
 * A unit's history is a time line: an event dated before the unit's last event would rewrite the
 * past (a back-dated issue before a hold, a transfusion before the bedside check), so it is
 * refused. Events at the same instant are accepted in the order given. States stored before
 * `lastEventAt` existed carry no time and are not checked until their next event.
 */
const assertInTimeOrder = (s: UnitState, type: UnitEventType, ctx: EventContext): void => {
  if (s.lastEventAt === undefined || ctx.at.getTime() >= s.lastEventAt.getTime()) return;
  if (orderExempt.has(type)) return;
  throw new DomainError(
    'EVENT_OUT_OF_ORDER',
    `unit ${s.din}: ${type} at ${ctx.at.toISOString()} is earlier than its last event at ` +
      s.lastEventAt.toISOString(),
    {
      din: s.din,
      event: type,
      at: ctx.at.toISOString(),
      lastEventAt: s.lastEventAt.toISOString(),
    },
  );
};

/**
 * Folds one event into a unit's state. Every safety rule is enforced here, so no caller can
 * bypass it: a refused event throws a DomainError and leaves the given state untouched.
 */
export const applyUnitEvent = (
  state: UnitState | undefined,
  event: UnitEvent,
  ctx: EventContext,
  rules?: LifecycleOptions,
): UnitState => {
  const e = parseEvent(event);
  if (state === undefined) return { ...create(e, ctx), lastEventAt: ctx.at };
  assertLegal(state, e.type);
  if (siteBound.has(e.type)) assertAtSite(state, ctx, e.type);
  assertInTimeOrder(state, e.type, ctx);
  const handler = handlers[e.type as ExistingUnitEvent] as Handler<ExistingUnitEvent>;
  const next = handler(state, e as never, ctx, resolveLifecycleOptions(rules));
  const lastEventAt = state.lastEventAt && state.lastEventAt > ctx.at ? state.lastEventAt : ctx.at;
  return { ...next, lastEventAt, version: state.version + 1 };
};
