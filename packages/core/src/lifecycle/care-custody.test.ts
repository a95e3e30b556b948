import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { applyUnitEvent } from './apply.js';
import { isFinal, parseUnitState } from './state.js';
import {
  availableUnit,
  codeOf,
  ctx,
  days,
  fold,
  group,
  issue,
  minutes,
  T0,
} from './test-support/factories.js';
import { legalEvents } from './transitions.js';
import { unitStatuses } from './types.js';

describe('bedside, transfusion and fate', () => {
  const issued = (): ReturnType<typeof availableUnit> =>
    applyUnitEvent(availableUnit(), issue('p1'), ctx());

  it('checks the patient at the bedside and requires the check', () => {
    expect(
      codeOf(() => applyUnitEvent(issued(), { type: 'BEDSIDE_CHECKED', patientId: 'p2' }, ctx())),
    ).toBe('PATIENT_MISMATCH');
    expect(
      codeOf(() =>
        applyUnitEvent(issued(), { type: 'TRANSFUSION_STARTED', patientId: 'p1' }, ctx()),
      ),
    ).toBe('BEDSIDE_CHECK_REQUIRED');
    const checked = applyUnitEvent(
      issued(),
      { type: 'BEDSIDE_CHECKED', patientId: 'p1' },
      ctx(minutes(5)),
    );
    expect(
      codeOf(() =>
        applyUnitEvent(checked, { type: 'TRANSFUSION_STARTED', patientId: 'p2' }, ctx(minutes(5))),
      ),
    ).toBe('PATIENT_MISMATCH');
    const done = fold(
      [
        { type: 'TRANSFUSION_STARTED', patientId: 'p1' },
        {
          type: 'REACTION_REPORTED',
          reactionType: 'FNHTR',
          severity: 'non-severe',
          imputability: 2,
        },
        { type: 'TRANSFUSION_ENDED' },
        { type: 'REACTION_REPORTED', reactionType: 'TRALI', severity: 'severe', imputability: 1 },
      ],
      ctx(minutes(10)),
      undefined,
      checked,
    );
    expect(done.status).toBe('transfused');
    expect(done.fate).toEqual({ status: 'transfused', at: minutes(10) });
    expect(done.reactions.map((r) => r.reactionType)).toEqual(['FNHTR', 'TRALI']);
    expect(codeOf(() => applyUnitEvent(done, { type: 'DISCARDED', reason: 'OTHER' }, ctx()))).toBe(
      'UNIT_FINAL',
    );
  });

  it('lets a bedside check be skipped only by option', () => {
    const started = applyUnitEvent(
      issued(),
      { type: 'TRANSFUSION_STARTED', patientId: 'p1' },
      ctx(),
      {
        requireBedsideCheck: false,
      },
    );
    expect(started.status).toBe('in_transfusion');
  });

  it('returns to stock only within the time-out-of-storage limit and where allowed', () => {
    const back = { type: 'RETURNED_TO_STOCK', minutesOutOfStorage: 20 } as const;
    expect(applyUnitEvent(issued(), back, ctx(minutes(20))).status).toBe('available');
    expect(codeOf(() => applyUnitEvent(issued(), back, ctx(minutes(45))))).toBe(
      'TIME_OUT_OF_STORAGE_EXCEEDED',
    );
    expect(
      codeOf(() => applyUnitEvent(issued(), { ...back, minutesOutOfStorage: 31 }, ctx())),
    ).toBe('TIME_OUT_OF_STORAGE_EXCEEDED');
    expect(
      codeOf(() => applyUnitEvent(issued(), back, ctx(minutes(20)), { allowReturnToStock: false })),
    ).toBe('RETURN_NOT_ALLOWED');
    const plasma = applyUnitEvent(availableUnit({ cls: 'PLASMA' }), issue('p1', 'O+'), ctx());
    expect(codeOf(() => applyUnitEvent(plasma, back, ctx(minutes(1))))).toBe(
      'TIME_OUT_OF_STORAGE_EXCEEDED',
    );
  });
});

describe('holds, excursions, transit, expiry', () => {
  it('returns to the status before the hold', () => {
    const reserved = applyUnitEvent(
      availableUnit(),
      { type: 'RESERVED', patientId: 'p1', patientGroup: group('O+'), until: days(1) },
      ctx(),
    );
    const held = applyUnitEvent(reserved, { type: 'HELD', reason: 'MANUAL' }, ctx());
    expect(held).toMatchObject({
      status: 'held',
      holdReason: 'MANUAL',
      statusBeforeHold: 'reserved',
    });
    expect(applyUnitEvent(held, { type: 'HOLD_RELEASED' }, ctx())).toMatchObject({
      status: 'reserved',
      holdReason: null,
      excursionReleases: 0,
    });
  });

  it('releases after a temperature excursion once only (NHSBT)', () => {
    const hold = { type: 'HELD', reason: 'TEMPERATURE_EXCURSION' } as const;
    const once = fold([hold, { type: 'HOLD_RELEASED' }], ctx(), undefined, availableUnit());
    expect(once).toMatchObject({ status: 'available', excursionReleases: 1 });
    const again = applyUnitEvent(once, hold, ctx());
    expect(codeOf(() => applyUnitEvent(again, { type: 'HOLD_RELEASED' }, ctx()))).toBe(
      'EXCURSION_ALREADY_RELEASED',
    );
    expect(
      applyUnitEvent(again, { type: 'DISCARDED', reason: 'TEMPERATURE_EXCURSION' }, ctx()).fate,
    ).toMatchObject({
      status: 'discarded',
      reason: 'TEMPERATURE_EXCURSION',
    });
    const lookback = fold(
      [{ type: 'HELD', reason: 'LOOKBACK' }, { type: 'HOLD_RELEASED' }],
      ctx(),
      undefined,
      once,
    );
    expect(lookback.excursionReleases).toBe(1);
  });

  it('ships to another site and is received only there, by shipment', () => {
    const shipped = applyUnitEvent(
      availableUnit(),
      { type: 'SHIPPED', toSite: 'h1', shipmentId: 's1' },
      ctx(),
    );
    expect(shipped).toMatchObject({
      status: 'in_transit',
      inTransitTo: { site: 'h1', shipmentId: 's1' },
    });
    expect(
      codeOf(() => applyUnitEvent(shipped, { type: 'RECEIVED', shipmentId: 's1' }, ctx(T0, 'h2'))),
    ).toBe('WRONG_SITE');
    expect(
      codeOf(() => applyUnitEvent(shipped, { type: 'RECEIVED', shipmentId: 's2' }, ctx(T0, 'h1'))),
    ).toBe('SHIPMENT_MISMATCH');
    const received = applyUnitEvent(shipped, { type: 'RECEIVED', shipmentId: 's1' }, ctx(T0, 'h1'));
    expect(received).toMatchObject({ status: 'available', siteId: 'h1', inTransitTo: null });
    expect(
      codeOf(() =>
        applyUnitEvent(
          availableUnit(),
          { type: 'SHIPPED', toSite: 'centre', shipmentId: 's' },
          ctx(),
        ),
      ),
    ).toBe('SHIPMENT_INVALID');
  });

  it('expires only once the expiry is reached', () => {
    const s = availableUnit({ expiresAt: days(1) });
    expect(codeOf(() => applyUnitEvent(s, { type: 'EXPIRED' }, ctx()))).toBe('NOT_EXPIRED');
    const expired = applyUnitEvent(s, { type: 'EXPIRED' }, ctx(days(1)));
    expect(expired.fate).toEqual({ status: 'expired', at: days(1), reason: 'OUTDATED' });
    expect(
      codeOf(() =>
        applyUnitEvent(
          expired,
          { type: 'REACTION_REPORTED', reactionType: 'x', severity: 'severe', imputability: 1 },
          ctx(),
        ),
      ),
    ).toBe('UNIT_FINAL');
  });
});

describe('contract helpers', () => {
  it('final states accept nothing but reactions after transfusion', () => {
    for (const status of unitStatuses) {
      if (isFinal(status))
        expect(legalEvents(status)).toEqual(status === 'transfused' ? ['REACTION_REPORTED'] : []);
      else expect(legalEvents(status).length).toBeGreaterThan(0);
    }
  });

  it('state survives a JSON round trip', () => {
    const s = applyUnitEvent(availableUnit(), issue('p1'), ctx());
    expect(parseUnitState(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(() => parseUnitState({})).toThrow(DomainError);
  });
});
