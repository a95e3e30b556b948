import { describe, expect, it } from 'vitest';
import { componentClasses } from './component-class.js';
import { getComponentRules, parseProfileOverrides, shelfLifeExpiry } from './rules.js';
import { componentRulesSchema, jurisdictions } from './rules-schema.js';

const day = 86_400_000;
const collected = new Date('2024-01-31T08:00:00Z');

describe('component rules', () => {
  it('every profile value is valid for every class', () => {
    for (const j of jurisdictions) {
      for (const cls of componentClasses) {
        const { preAlarm, ...rules } = getComponentRules(cls, j);
        expect(componentRulesSchema.safeParse(rules).success).toBe(true);
        expect(preAlarm.lowC).toBeGreaterThan(rules.storage.minC);
        expect(preAlarm.highC).toBeLessThan(rules.storage.maxC);
      }
    }
  });

  it('China (WS 399-2012) is the default', () => {
    const rc = getComponentRules('RED_CELLS');
    expect(rc.storage).toEqual({ minC: 2, maxC: 6 });
    expect(rc.transport).toEqual({ minC: 2, maxC: 10, maxHours: 24 });
    expect(rc.preAlarm).toEqual({ lowC: 2.5, highC: 5.5 });
    expect(rc.shelfLife).toMatchObject({ amount: 35, unit: 'days', from: 'collection' });
    expect(rc.timeOutOfStorageMinutes).toBe(30);
    expect(getComponentRules('PLASMA').storage.maxC).toBe(-18);
    const plt = getComponentRules('PLATELETS');
    expect(plt.storage).toEqual({ minC: 20, maxC: 24 });
    expect(plt.agitation).toEqual({
      required: true,
      maxInterruptionMinutes: 480,
      maxCumulativeInterruptionMinutes: 1440,
    });
  });

  it('US and EU profiles follow 21 CFR 610.53 and 2004/33/EC Annex IV', () => {
    expect(getComponentRules('RED_CELLS', 'US').storage).toEqual({ minC: 1, maxC: 6 });
    expect(getComponentRules('RED_CELLS', 'US').shelfLife.amount).toBe(42);
    expect(getComponentRules('CRYO_THAWED', 'US').shelfLife).toMatchObject({
      amount: 6,
      unit: 'hours',
    });
    expect(getComponentRules('PLASMA', 'EU').storage.maxC).toBe(-25);
    expect(getComponentRules('PLASMA', 'EU').shelfLife).toMatchObject({
      amount: 36,
      unit: 'months',
    });
    expect(getComponentRules('RED_CELLS', 'EU').excursionRelease).toEqual({
      maxReleases: 1,
      maxHours: 5,
      coreMinC: 1,
      coreMaxC: 10,
    });
    expect(getComponentRules('RED_CELLS', 'CN').excursionRelease).toBeNull();
  });

  it('takes partial, validated overrides', () => {
    const r = getComponentRules('PLATELETS', 'CN', {
      PLATELETS: { shelfLife: { amount: 7 }, agitation: { maxInterruptionMinutes: 120 } },
    });
    expect(r.shelfLife).toMatchObject({ amount: 7, unit: 'days', from: 'collection' });
    expect(r.agitation.maxInterruptionMinutes).toBe(120);
    expect(r.agitation.maxCumulativeInterruptionMinutes).toBe(1440);
    expect(
      getComponentRules('RED_CELLS', 'CN', { PLATELETS: { preAlarmMarginC: 1 } }).preAlarmMarginC,
    ).toBe(0.5);
    const release = getComponentRules('RED_CELLS', 'CN', {
      RED_CELLS: { excursionRelease: { maxReleases: 1, maxHours: 5, coreMinC: 1, coreMaxC: 10 } },
    });
    expect(release.excursionRelease?.maxHours).toBe(5);
    expect(
      getComponentRules('RED_CELLS', 'EU', { RED_CELLS: { excursionRelease: null } })
        .excursionRelease,
    ).toBeNull();
  });

  it('rejects overrides that are malformed or leave inconsistent rules', () => {
    expect(() =>
      getComponentRules('RED_CELLS', 'CN', { RED_CELLS: { storage: { minC: 8 } } }),
    ).toThrow(/RED_CELLS rules after overrides.*storage minC must be below maxC/s);
    expect(() => parseProfileOverrides({ RED_CELLS: { storage: { maxc: 8 } } })).toThrow(/maxc/);
    expect(() => parseProfileOverrides({ GRANULOCYTES: {} })).toThrow();
    expect(() =>
      getComponentRules('RED_CELLS', 'CN', { RED_CELLS: { excursionRelease: { maxHours: 5 } } }),
    ).toThrow(/RULES_INVALID|maxReleases|expected/);
  });
});

describe('shelfLifeExpiry', () => {
  it('counts from collection', () => {
    expect(shelfLifeExpiry('RED_CELLS', { collectedAt: collected })).toEqual(
      new Date(collected.getTime() + 35 * day),
    );
    expect(shelfLifeExpiry('RED_CELLS', { collectedAt: collected }, 'US')).toEqual(
      new Date(collected.getTime() + 42 * day),
    );
  });

  it('adds calendar months, clamping to the month end', () => {
    expect(shelfLifeExpiry('PLASMA', { collectedAt: collected }).toISOString()).toBe(
      '2025-01-31T08:00:00.000Z',
    );
    expect(
      shelfLifeExpiry('PLASMA', { collectedAt: collected }, 'CN', {
        PLASMA: { shelfLife: { amount: 1 } },
      }).toISOString(),
    ).toBe('2024-02-29T08:00:00.000Z');
  });

  it('counts thawed/irradiated classes from the event and never past the original expiry', () => {
    const thawedAt = new Date('2024-02-10T10:00:00Z');
    expect(
      shelfLifeExpiry('PLASMA_THAWED', { collectedAt: collected, modifiedAt: thawedAt }),
    ).toEqual(new Date(thawedAt.getTime() + day));
    const irradiatedAt = new Date(collected.getTime() + 20 * day);
    const original = new Date(collected.getTime() + 35 * day);
    expect(
      shelfLifeExpiry('RED_CELLS_IRRADIATED', {
        collectedAt: collected,
        modifiedAt: irradiatedAt,
        originalExpiresAt: original,
      }),
    ).toEqual(original);
    expect(() => shelfLifeExpiry('PLASMA_THAWED', { collectedAt: collected })).toThrow(/thaw time/);
  });
});
