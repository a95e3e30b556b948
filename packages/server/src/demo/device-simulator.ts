import mqtt from 'mqtt';
import { seededRandom } from '../bench/random.js';
import type { SqlClient } from '../db/sql-client.js';
import { demoDevices, DEVICES_FILE, type DemoDevice } from './devices.js';

type Fault = 'door' | 'compressor' | 'agitator' | 'silent';

interface SimState {
  device: DemoDevice;
  client: mqtt.MqttClient;
  temperature: number;
  fault: { kind: Fault; ticksLeft: number } | null;
}

/** Normal temperature of each kind of equipment (storage rules: 2–6 °C, ≤ -25 °C, 20–24 °C). */
const nominalC: Record<DemoDevice['kind'], number> = {
  fridge: 4,
  freezer: -30,
  platelet_agitator: 22,
  transport_box: 4,
  room: 21,
};

/** Faults each kind can suffer, and how long (in reporting intervals) they last. */
const faultsOf = (kind: DemoDevice['kind']): Array<{ kind: Fault; ticks: number }> => {
  const silent = { kind: 'silent' as const, ticks: 40 };
  if (kind === 'fridge')
    return [{ kind: 'door', ticks: 30 }, { kind: 'compressor', ticks: 90 }, silent];
  if (kind === 'freezer') return [{ kind: 'compressor', ticks: 90 }, silent];
  if (kind === 'platelet_agitator') return [{ kind: 'agitator', ticks: 40 }, silent];
  return [silent];
};

/** Chance per device per interval that a fault starts: a few a minute across the demo city. */
const FAULT_CHANCE = 1 / 1500;

function nextRecords(s: SimState, random: () => number, atS: number): object[] {
  const nominal = nominalC[s.device.kind];
  const warming = s.fault?.kind === 'compressor' ? 0.25 : s.fault?.kind === 'door' ? 0.15 : 0;
  // Drift back towards nominal once the fault is over; wander a little around it otherwise.
  s.temperature += warming || (nominal - s.temperature) * 0.3 + (random() - 0.5) * 0.2;
  const records: object[] = [{ bt: atS, n: 'temperature', u: 'Cel', v: round(s.temperature) }];
  if (s.device.kind === 'fridge') records.push({ n: 'door', vb: s.fault?.kind === 'door' });
  if (s.device.kind === 'platelet_agitator')
    records.push({ n: 'agitation', vb: s.fault?.kind !== 'agitator' });
  return records;
}

const round = (v: number) => Math.round(v * 10) / 10;

function tick(s: SimState, random: () => number, log: (line: string) => void): void {
  if (s.fault && --s.fault.ticksLeft <= 0) s.fault = null;
  if (!s.fault && random() < FAULT_CHANCE) {
    const options = faultsOf(s.device.kind);
    const pick = options[Math.floor(random() * options.length)];
    if (pick) {
      s.fault = { kind: pick.kind, ticksLeft: pick.ticks };
      log(`demo: ${pick.kind} fault on ${s.device.deviceId}`);
    }
  }
  if (s.fault?.kind === 'silent') return;
  const payload = JSON.stringify(nextRecords(s, random, Math.floor(Date.now() / 1000)));
  s.client.publishAsync(s.device.topic, payload, { qos: 1 }).catch((error: unknown) => {
    log(`demo: ${s.device.deviceId} publish failed: ${String(error)}`);
  });
}

/**
 * The demo city's devices, publishing SenML over real MQTT with their own credentials every
 * `intervalMs`, with a fault now and then (door left open, compressor failure, agitator stop, a
 * sensor going silent) so alarms appear and clear.
 */
export async function startDeviceSimulator(o: {
  url: string;
  devices: readonly DemoDevice[];
  intervalMs: number;
  random: () => number;
  log: (line: string) => void;
}): Promise<{ stop(): Promise<void> }> {
  const states: SimState[] = await Promise.all(
    o.devices.map(async (device) => ({
      device,
      client: await mqtt.connectAsync(o.url, {
        username: device.deviceId,
        password: device.secret,
        clientId: device.deviceId,
        reconnectPeriod: 2000,
      }),
      temperature: nominalC[device.kind],
      fault: null,
    })),
  );
  const timer = setInterval(() => {
    for (const s of states) tick(s, o.random, o.log);
  }, o.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(states.map((s) => s.client.endAsync()));
    },
  };
}

/** The demo's devices (registered on first seeding) publishing to `url` every 10 s. */
export async function startDemoDevices(o: {
  db: SqlClient;
  clock: () => Date;
  dir: string;
  justSeeded: boolean;
  url: string;
  log: (line: string) => void;
}): Promise<{ stop(): Promise<void> }> {
  const devices = await demoDevices(o.db, o.clock, o.dir, o.justSeeded);
  if (devices.length === 0) o.log(`demo: no ${DEVICES_FILE} in ${o.dir}, no simulated devices`);
  else o.log(`demo: ${devices.length} simulated devices publish to ${o.url} every 10 s`);
  return startDeviceSimulator({
    url: o.url,
    devices,
    intervalMs: 10_000,
    random: seededRandom(Date.now() % 2 ** 31),
    log: o.log,
  });
}
