import { expect, it } from 'vitest';
import { seedDevice, startPipeline } from '../coldchain/test-support/fixtures.js';
import { eventually } from '../coldchain/test-support/sse.js';
import { countReadings } from '../db/repos/readings-repo.js';
import { describeDatabases } from '../db/test-support/databases.js';
import { startDeviceSimulator } from './device-simulator.js';

describeDatabases('demo device simulator', ({ db }) => {
  it('publishes SenML over MQTT with each device’s own credentials', async () => {
    const pipe = await startPipeline(db());
    const fridge = await seedDevice(db(), { kind: 'fridge' });
    const agitator = await seedDevice(db(), { kind: 'platelet_agitator' });
    const sim = await startDeviceSimulator({
      url: `mqtt://127.0.0.1:${pipe.broker.port}`,
      devices: [
        { ...fridge, kind: 'fridge' },
        { ...agitator, kind: 'platelet_agitator' },
      ],
      intervalMs: 50,
      random: () => 0.5,
      log: () => undefined,
    });
    try {
      // A fridge sends temperature and door, an agitator temperature and agitation.
      await eventually(async () => (await countReadings(db(), fridge.deviceId)) >= 6);
      await eventually(async () => (await countReadings(db(), agitator.deviceId)) >= 6);
      await expect(pipe.metrics.rejected.get()).resolves.toMatchObject({ values: [] });
    } finally {
      await sim.stop();
      await pipe.close();
    }
  });
});
