import { loadScenario } from '@hemonet/sim';
import { describe, expect, it } from 'vitest';
import { NETWORK_ISSUE_OPTIONS } from './network-policy.js';

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
});
