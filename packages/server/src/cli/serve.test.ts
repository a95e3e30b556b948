import { describe, expect, it } from 'vitest';
import { lifecycleFrom } from './serve.js';
import { runCliCapturing } from './test-support/run-cli.js';

describe('serve: the return-to-stock rule of a deployment', () => {
  it('is allowed by default, set by HEMONET_RETURN_TO_STOCK, and the flag wins', () => {
    expect(lifecycleFrom({}, {})).toEqual({ allowReturnToStock: true });
    expect(lifecycleFrom({}, { HEMONET_RETURN_TO_STOCK: 'forbidden' })).toEqual({
      allowReturnToStock: false,
    });
    expect(
      lifecycleFrom({ returnToStock: 'allowed' }, { HEMONET_RETURN_TO_STOCK: 'forbidden' }),
    ).toEqual({ allowReturnToStock: true });
    expect(lifecycleFrom({ returnToStock: 'forbidden' }, {})).toEqual({
      allowReturnToStock: false,
    });
  });

  it('refuses an unknown value, from the flag or the environment, before starting anything', async () => {
    const flag = await runCliCapturing(['serve', '--return-to-stock', 'sometimes', '--port', '0']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/returnToStock/);
    const env = await runCliCapturing(['serve', '--port', '0'], {
      HEMONET_RETURN_TO_STOCK: 'sometimes',
    });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/HEMONET_RETURN_TO_STOCK must be "allowed" or "forbidden"/);
  });
});
