import { loadScenario } from '@hemonet/sim';
import { describe, expect, it } from 'vitest';
import { NETWORK_ISSUE_OPTIONS, NETWORK_REDISTRIBUTION } from './network-policy.js';

describe('the live issuing policy', () => {
  it('is the network policy the digital twin measures on the default city', () => {
    const p = loadScenario('city').policies.network;
    expect(NETWORK_ISSUE_OPTIONS.releaseProtectedWithinMinutes).toBe(
      p.releaseProtectedWithinHours * 60,
    );
    expect(NETWORK_ISSUE_OPTIONS.preferExpiringSubstituteWithinMinutes).toBe(
      p.preferExpiringSubstituteWithinHours * 60,
    );
    expect(NETWORK_ISSUE_OPTIONS.reservationSpareMinutes).toBe(p.reservationSpareHours * 60);
  });

  it('rotates stock within the transport limit and arrival margin of the default city', () => {
    const city = loadScenario('city');
    expect(NETWORK_REDISTRIBUTION.maxTravelMinutes).toBe(city.transport.maxTransferMinutes);
    expect(NETWORK_REDISTRIBUTION.minRemainingMinutesOnArrival).toBe(
      city.policies.network.minRemainingHoursOnArrival * 60,
    );
  });
});
