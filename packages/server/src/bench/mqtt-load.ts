import mqtt from 'mqtt';
import type { DeviceCredentialsOut } from '../coldchain/device-registry.js';

export interface Publishers {
  /** Readings whose PUBACK arrived so far. */
  acked(): number;
  /**
   * Publishes one pack of `n` temperatures, later in time than everything the device sent before
   * (devices report in time order; 10 ms apart, starting an hour ago); resolves on its PUBACK.
   */
  publish(device: number, n: number, celsius?: number): Promise<void>;
  close(): Promise<void>;
}

/** One MQTT connection per device, logged in with the device's own credentials. */
export async function connectPublishers(
  port: number,
  devices: readonly DeviceCredentialsOut[],
): Promise<Publishers> {
  const clients = await Promise.all(
    devices.map((d) =>
      mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
        username: d.deviceId,
        password: d.secret,
        clientId: `${d.deviceId}-${Math.random().toString(36).slice(2)}`,
        reconnectPeriod: 0,
      }),
    ),
  );
  let acked = 0;
  const cursors = devices.map(() => Date.now() - 3_600_000);
  return {
    acked: () => acked,
    publish: async (i, n, celsius = 4) => {
      const device = devices[i];
      const client = clients[i];
      const from = cursors[i];
      if (!device || !client || from === undefined) throw new Error(`no publisher ${i}`);
      cursors[i] = from + n * 10;
      await client.publishAsync(device.topic, temperaturePack(n, from, celsius), { qos: 1 });
      acked += n;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.endAsync(true)));
    },
  };
}

/** A pack of `n` temperatures 10 ms apart from `fromMs`. */
function temperaturePack(n: number, fromMs: number, celsius: number): string {
  return JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      n: 'temperature',
      u: 'Cel',
      v: celsius,
      t: (fromMs + (i + 1) * 10) / 1000,
    })),
  );
}

/**
 * Saturating load: every device keeps `inFlight` packs unacknowledged for `seconds`; returns
 * acknowledged readings per second.
 */
export async function saturate(
  p: Publishers,
  devices: number,
  o: { seconds: number; inFlight: number; readingsPerPack: number },
): Promise<number> {
  const until = Date.now() + o.seconds * 1000;
  const start = p.acked();
  const started = Date.now();
  const loop = async (device: number) => {
    while (Date.now() < until) await p.publish(device, o.readingsPerPack);
  };
  const loops: Array<Promise<void>> = [];
  for (let d = 0; d < devices; d++) for (let k = 0; k < o.inFlight; k++) loops.push(loop(d));
  await Promise.all(loops);
  return ((p.acked() - start) * 1000) / (Date.now() - started);
}

/**
 * Paced load at `readingsPerSecond` spread over devices [0, devices) until `stop()`; errors stop
 * nothing (the figure is what was acknowledged).
 */
export function pace(
  p: Publishers,
  devices: number,
  readingsPerSecond: number,
  readingsPerPack: number,
): { stop(): void } {
  const tickMs = 20;
  const packsPerTick = Math.max(
    1,
    Math.round((readingsPerSecond * tickMs) / 1000 / readingsPerPack),
  );
  let next = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < packsPerTick; i++) {
      next = (next + 1) % devices;
      p.publish(next, readingsPerPack).catch(() => undefined);
    }
  }, tickMs);
  return { stop: () => clearInterval(timer) };
}
