import { createServer, type AddressInfo, type Server } from 'node:net';
import { deviceReadingsTopic } from '@hemonet/core';
import { Aedes, type AuthenticateError, type Client, type PublishPacket } from 'aedes';
import { getDeviceCredentials } from '../db/repos/devices-repo.js';
import type { Queryable } from '../db/sql-client.js';
import { verifyDeviceSecret } from '../coldchain/device-secrets.js';

/** Who a connected client is, established once by CONNECT authentication. */
export interface DeviceIdentity {
  deviceId: string;
  siteId: string;
  topic: string;
}

/** Takes an authorised publish; `done` is called when it is safe to send the PUBACK. */
export type PublishHandler = (
  device: DeviceIdentity,
  packet: PublishPacket,
  done: () => void,
) => void;

export interface EmbeddedBrokerOptions {
  port: number;
  host?: string;
  db: Queryable;
  onPublish: PublishHandler;
  onRefused?: (reason: string, clientId: string) => void;
}

export interface EmbeddedBroker {
  port: number;
  close(): Promise<void>;
}

// MQTT 3.1.1 §3.2.2.3 CONNACK return codes.
const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

const authError = (message: string, code: number): AuthenticateError => {
  const error = new Error(message) as AuthenticateError;
  error.returnCode = code;
  return error;
};

/**
 * The embedded MQTT broker (Aedes). Each device authenticates with its id as user name and its
 * secret as password, may publish only to its own readings topic and may not subscribe. The
 * PUBACK of a QoS 1 publish is held back until the handler says the reading is committed: Aedes
 * writes the PUBACK only after `authorizePublish` calls back (lib/handlers/publish.js).
 */
export async function startEmbeddedBroker(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const identities = new WeakMap<Client, DeviceIdentity>();
  const refuse = (reason: string, client: Client | null) =>
    options.onRefused?.(reason, client?.id ?? '');
  const aedes = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      authenticate(options.db, username, password).then(
        (identity) => {
          identities.set(client, identity);
          done(null, true);
        },
        (error: AuthenticateError) => {
          refuse(error.message, client);
          done(error, false);
        },
      );
    },
    authorizePublish: (client, packet, done) => {
      const identity = client && identities.get(client);
      if (!identity) return done(new Error('publisher not authenticated'));
      // MQTT 3.1.1 §3.3.5: refusing a publish means closing the connection; nothing is stored.
      if (packet.topic !== identity.topic) {
        refuse(`publish to ${packet.topic}`, client);
        return done(new Error('a device may publish only to its own topic'));
      }
      options.onPublish(identity, packet, () => done(null));
    },
    authorizeSubscribe: (client, _subscription, done) => {
      refuse('subscribe', client);
      done(new Error('devices do not subscribe'));
    },
  });
  const server = createServer(aedes.handle);
  try {
    await listen(server, options.port, options.host);
  } catch (error) {
    // A broker that could not listen (port taken) must not keep its timers alive: the caller
    // may retry on another port, and a leaked instance would stop the process from exiting.
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    throw error;
  }
  return {
    port: (server.address() as AddressInfo).port,
    close: () => closeBroker(server, aedes),
  };
}

async function authenticate(
  db: Queryable,
  username: string | undefined,
  password: Buffer | undefined,
): Promise<DeviceIdentity> {
  if (!username || !password) throw authError('credentials required', BAD_USERNAME_OR_PASSWORD);
  const creds = await getDeviceCredentials(db, username).catch(() => null);
  if (!creds || !verifyDeviceSecret(password, creds.secretHash))
    throw authError('bad device id or secret', BAD_USERNAME_OR_PASSWORD);
  if (creds.revoked) throw authError('device revoked', NOT_AUTHORIZED);
  return {
    deviceId: creds.id,
    siteId: creds.siteId,
    topic: deviceReadingsTopic(creds.siteId, creds.id),
  };
}

const listen = (server: Server, port: number, host?: string) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

async function closeBroker(server: Server, aedes: Aedes): Promise<void> {
  await new Promise<void>((resolve) => aedes.close(() => resolve()));
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
