import {
  buildAlarmProfile,
  componentClassSchema,
  getComponentRules,
  type AlarmProfile,
  type ColdChainRules,
  type ComponentClass,
  type ExcursionReleaseRule,
  type Jurisdiction,
  type ProfileOverrides,
  type ResolvedComponentRules,
} from '@hemonet/core';
import type { Device, DeviceKind } from '../db/repos/devices-repo.js';

/** The class a device holds when registration named none: what that kind of equipment stores. */
const defaultClassOf: Record<DeviceKind, ComponentClass | null> = {
  fridge: 'RED_CELLS',
  freezer: 'PLASMA',
  platelet_agitator: 'PLATELETS',
  transport_box: 'RED_CELLS',
  room: null,
};

export const deviceComponentClass = (
  d: Pick<Device, 'kind' | 'componentClass'>,
): ComponentClass | null => {
  const parsed = componentClassSchema.safeParse(d.componentClass);
  return parsed.success ? parsed.data : defaultClassOf[d.kind];
};

const minutes = (m: number | null) => (m === null ? null : m * 60_000);

/** A transport box logger is judged against the transport range; storage equipment against storage. */
function coldChainRules(kind: DeviceKind, r: ResolvedComponentRules): ColdChainRules {
  const range = kind === 'transport_box' ? r.transport : r.storage;
  const margin = r.preAlarmMarginC;
  const interruption = minutes(r.agitation.maxInterruptionMinutes);
  const cumulative = minutes(r.agitation.maxCumulativeInterruptionMinutes);
  return {
    storage: range,
    preAlarm: { lowC: range.minC + margin, highC: range.maxC - margin },
    agitation:
      r.agitation.required && interruption && cumulative
        ? { maxInterruptionMs: interruption, maxCumulativeMs: cumulative }
        : null,
    shelfLifeMs: r.shelfLife.unit === 'days' ? r.shelfLife.amount * 86_400_000 : null,
  };
}

/** Alarm profile of a device: its class's rules in the jurisdiction, plus its own settings. */
export function deviceProfile(d: Device, jurisdiction: Jurisdiction): AlarmProfile {
  const cls = deviceComponentClass(d);
  const rules: ColdChainRules = cls
    ? coldChainRules(d.kind, getComponentRules(cls, jurisdiction))
    : { storage: null };
  return buildAlarmProfile(rules, {
    reportingIntervalMs: d.reportingIntervalS * 1000,
    excursionDelayMs: d.excursionDelayS * 1000,
  });
}

/**
 * The class's excursion release rule (NHSBT red cells, or one configured through rule overrides),
 * or null: no release after an excursion.
 */
export function releaseRuleOf(
  cls: ComponentClass,
  jurisdiction: Jurisdiction,
  overrides?: ProfileOverrides,
): ExcursionReleaseRule | null {
  const r = getComponentRules(cls, jurisdiction, overrides).excursionRelease;
  return (
    r && {
      maxExcursions: r.maxReleases,
      maxDurationMs: r.maxHours * 3_600_000,
      minC: r.coreMinC,
      maxC: r.coreMaxC,
    }
  );
}
