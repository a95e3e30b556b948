import { describe, expect, it } from 'vitest';
import {
  applyAlarmAction,
  defaultEscalationPolicy,
  escalationLevel,
  newAlarmLifecycle,
} from './alarm-lifecycle.js';
import { DomainError } from '../errors.js';

const MIN = 60_000;
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'OTHER';
  }
  return 'NONE';
};

describe('alarm lifecycle', () => {
  it('goes raised → acknowledged → resolved → closed', () => {
    let a = newAlarmLifecycle();
    a = applyAlarmAction(a, {
      type: 'ACKNOWLEDGE',
      at: 1,
      by: 'u1',
      comment: ' moved units to F2 ',
    });
    expect(a).toMatchObject({
      status: 'acknowledged',
      comment: 'moved units to F2',
      acknowledgedBy: 'u1',
    });
    a = applyAlarmAction(a, { type: 'RESOLVE', at: 2 });
    a = applyAlarmAction(a, { type: 'CLOSE', at: 3, unitsAwaitingDisposition: 0 });
    expect(a).toMatchObject({ status: 'closed', resolvedAt: 2, closedAt: 3 });
  });

  it('requires a comment to acknowledge', () => {
    expect(
      code(() =>
        applyAlarmAction(newAlarmLifecycle(), {
          type: 'ACKNOWLEDGE',
          at: 1,
          by: 'u',
          comment: '  ',
        }),
      ),
    ).toBe('ACK_COMMENT_REQUIRED');
  });

  it('closes only when resolved, acknowledged and every unit has a disposition', () => {
    const raised = newAlarmLifecycle();
    expect(
      code(() => applyAlarmAction(raised, { type: 'CLOSE', at: 1, unitsAwaitingDisposition: 0 })),
    ).toBe('ALARM_NOT_RESOLVED');
    const resolved = applyAlarmAction(raised, { type: 'RESOLVE', at: 1 });
    expect(
      code(() => applyAlarmAction(resolved, { type: 'CLOSE', at: 2, unitsAwaitingDisposition: 0 })),
    ).toBe('ALARM_NOT_ACKNOWLEDGED');
    const acked = applyAlarmAction(resolved, {
      type: 'ACKNOWLEDGE',
      at: 2,
      by: 'u',
      comment: 'ok',
    });
    expect(acked.status).toBe('resolved');
    expect(
      code(() => applyAlarmAction(acked, { type: 'CLOSE', at: 3, unitsAwaitingDisposition: 2 })),
    ).toBe('UNITS_AWAITING_DISPOSITION');
  });
});

describe('escalationLevel', () => {
  const alarm = { raisedAt: 0, acknowledgedAt: null, closedAt: null };
  it('climbs one contact level per step while nobody acknowledges', () => {
    expect(
      [0, 14, 15, 31, 600].map((m) => escalationLevel(alarm, defaultEscalationPolicy, m * MIN)),
    ).toEqual([0, 0, 1, 2, 3]);
  });
  it('stops climbing once acknowledged', () => {
    expect(
      escalationLevel({ ...alarm, acknowledgedAt: 20 * MIN }, defaultEscalationPolicy, 600 * MIN),
    ).toBe(1);
  });
});
