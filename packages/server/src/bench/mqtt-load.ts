import mqtt from 'mqtt';
import type { DeviceCredentialsOut } from '../coldchain/device-registry.js';

export interface Publishers {
  /** Readings whose PUBACK arrived so far. */
  acked(): number;
  /** Publishes one pack now; resolves when it is acknowledged. */
  publish(device: number, pack: string): Promise<void>;
  close(): Promise<void>;
}

/** One MQTT connection per device, logged in with the device's own credentials. */
export async function connectPublishers(
  port: number,
  devices: readonly DeviceCredentialsOut[],
  readingsPerPack: (pack: string) => number,
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
  return {
    acked: () => acked,
    publish: async (i, pack) => {
      const device = devices[i];
      const client = clients[i];
      if (!device || !client) throw new Error(`no publisher ${i}`);
      await client.publishAsync(device.topic, pack, { qos: 1 });
      acked += readingsPerPack(pack);
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.endAsync(true)));
    },
  };
}

/** A pack of `n` in-range temperatures ending at `endMs`, one per second. */
export function temperaturePack(n: number, endMs: number, celsius = 4): string {
  const end = Math.floor(endMs / 1000);
  return JSON.stringify(
    Array.from({ length: n }, (_, i) => ({
      n: 'temperature',
      u: 'Cel',
      v: celsius,
      t: end - n + 1 + i,
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
    while (Date.now() < until)
      await p.publish(device, temperaturePack(o.readingsPerPack, Date.now()));
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
      p.publish(next, temperaturePack(readingsPerPack, Date.now())).catch(() => undefined);
    }
  }, tickMs);
  return { stop: () => clearInterval(timer) };
}
