import type { Command } from 'commander';
import { componentClassSchema } from '@hemonet/core';
import { z } from 'zod';
import {
  listDevicesWithStatus,
  registerDevice,
  rotateDeviceSecret,
  type RegistryDeps,
} from '../coldchain/device-registry.js';
import { deviceKinds } from '../db/repos/devices-repo.js';
import { openDatabase } from '../db/open-database.js';
import type { CliContext } from './context.js';
import { addDatabaseOptions, databaseConfigFrom } from './database-options.js';

const dbFlags = {
  data: z.string().optional(),
  databaseUrl: z.string().optional(),
  json: z.boolean().default(false),
};
const int = z.coerce.number().int();
const addFlags = z.object({
  ...dbFlags,
  site: z.string().min(1),
  kind: z.enum(deviceKinds),
  location: z.string().min(1).optional(),
  class: componentClassSchema.optional(),
  name: z.string().optional(),
  id: z.string().optional(),
  interval: int.positive().default(60),
  delay: int.nonnegative().default(600),
});
const listFlags = z.object({ ...dbFlags, site: z.string().optional() });
const rotateFlags = z.object(dbFlags);

async function withRegistry<T>(
  ctx: CliContext,
  flags: { data?: string; databaseUrl?: string },
  fn: (deps: RegistryDeps) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(databaseConfigFrom(flags, ctx.env));
  try {
    return await fn({ db, clock: () => new Date() });
  } finally {
    await db.close();
  }
}

/** `hemonet device add|list|rotate`: provision cold-chain devices and their MQTT credentials. */
export function registerDeviceCommands(program: Command, ctx: CliContext): void {
  const device = program
    .command('device')
    .description('cold-chain devices (MQTT credentials, status)');
  addDatabaseOptions(
    device.command('add').description('register a device and print its id, secret and topic'),
  )
    .requiredOption('--site <code>', 'site the device belongs to')
    .requiredOption('--kind <kind>', `one of ${deviceKinds.join(', ')}`)
    .option('--location <id>', 'storage location the device watches')
    .option('--class <componentClass>', 'component class it holds (picks the alarm profile)')
    .option('--name <name>', 'display name')
    .option('--id <deviceId>', 'device id (default: generated)')
    .option('--interval <seconds>', 'reporting interval', '60')
    .option('--delay <seconds>', 'delay before an excursion alarm', '600')
    .option('--json', 'print JSON')
    .action(async (raw: unknown) => {
      const f = addFlags.parse(raw);
      const out = await withRegistry(ctx, f, (deps) =>
        registerDevice(deps, {
          siteId: f.site,
          kind: f.kind,
          locationId: f.location ?? null,
          componentClass: f.class ?? null,
          name: f.name,
          id: f.id,
          reportingIntervalS: f.interval,
          excursionDelayS: f.delay,
        }),
      );
      ctx.out(
        f.json
          ? JSON.stringify(out)
          : `device ${out.deviceId}\nsecret ${out.secret}\ntopic  ${out.topic}`,
      );
    });
  addDatabaseOptions(
    device.command('list').description('devices with their last reading and faults'),
  )
    .option('--site <code>', 'only this site')
    .option('--json', 'print JSON')
    .action(async (raw: unknown) => {
      const f = listFlags.parse(raw);
      const devices = await withRegistry(ctx, f, (deps) =>
        listDevicesWithStatus(deps, f.site ? [f.site] : null),
      );
      if (f.json) return ctx.out(JSON.stringify(devices));
      for (const d of devices) {
        const s = d.status;
        ctx.out(
          `${d.id}\t${d.siteId}\t${d.kind}\t${d.locationId ?? '-'}\tlast ${s?.lastTemperature ?? '-'} °C\trejected ${s?.rejectedCount ?? 0}`,
        );
      }
    });
  addDatabaseOptions(
    device.command('rotate').description('replace a device secret').argument('<deviceId>'),
  )
    .option('--json', 'print JSON')
    .action(async (deviceId: string, raw: unknown) => {
      const f = rotateFlags.parse(raw);
      const out = await withRegistry(ctx, f, (deps) => rotateDeviceSecret(deps, deviceId));
      ctx.out(
        f.json
          ? JSON.stringify(out)
          : `device ${out.deviceId}\nsecret ${out.secret}\ntopic  ${out.topic}`,
      );
    });
}
