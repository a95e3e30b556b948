import { parseDeviceTopic } from '@hemonet/core';
import mqtt from 'mqtt';
import type { PendingMessage } from './batch-writer.js';

/**
 * Every replica joins one shared group, so the broker gives each message to exactly one of them
 * (MQTT 5 §4.8.2 shared subscriptions; Mosquitto and EMQX offer them to 3.1.1 clients too).
 */
export const sharedReadingsTopic = (group: string): string =>
  `$share/${group}/hemonet/+/devices/+/readings`;

/** How long the broker keeps a replica's session (and its queued readings) while it is away. */
const SESSION_EXPIRY_S = 7 * 24 * 3600;

export interface ExternalSubscriberOptions {
  url: string;
  /**
   * Stable per replica: the broker keeps the persistent session (and the QoS 1 messages that
   * arrive while the replica is down) under this id, and redelivers them when it reconnects.
   */
  clientId: string;
  /**
   * Sessions per replica. mqtt.js handles one incoming publish per connection at a time and we
   * hold its PUBACK until the batch commits, so this bounds the messages a replica commits at once.
   */
  connections: number;
  /** Shared-subscription group: one per deployment (default `hemonet`). */
  group?: string;
  accept: (message: PendingMessage) => void;
  log: (message: string, details?: Record<string, unknown>) => void;
}

export interface ExternalSubscriber {
  close(): Promise<void>;
}

/**
 * Ingestion from an external broker (Mosquitto, EMQX): persistent sessions (clean=false), QoS 1,
 * shared subscription. The PUBACK is sent only after the reading is committed, so a replica killed
 * mid-batch leaves the message in its session for redelivery (MQTT 3.1.1 §4.3.2, §4.4).
 */
export async function startExternalSubscriber(
  options: ExternalSubscriberOptions,
): Promise<ExternalSubscriber> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, (_, i) => connectOne(options, i)),
  );
  return {
    close: async () => {
      await Promise.all(clients.map((c) => c.endAsync()));
    },
  };
}

async function connectOne(
  options: ExternalSubscriberOptions,
  index: number,
): Promise<mqtt.MqttClient> {
  const client = await mqtt.connectAsync(options.url, {
    clientId: `${options.clientId}-${index}`,
    // MQTT 5: mqtt.js lets the PUBACK wait for our commit only on v5 (customHandleAcks), and a v5
    // session outlives the connection only with a session expiry (§3.1.2.11.2).
    protocolVersion: 5,
    clean: false,
    properties: { sessionExpiryInterval: SESSION_EXPIRY_S },
    reconnectPeriod: 1000,
    customHandleAcks: (topic, payload, _packet, ack) => {
      const parsed = parseDeviceTopic(topic);
      // Not a readings topic: nothing to store, acknowledge so the broker forgets it.
      if (!parsed) return ack(0);
      options.accept({
        deviceId: parsed.deviceId,
        siteId: parsed.siteCode,
        payload,
        receivedAt: Date.now(),
        ack: () => ack(0),
      });
    },
  });
  client.on('error', (error) => options.log('mqtt subscriber error', { error: error.message }));
  // A resumed session still holds the subscription; subscribing again is harmless.
  await client.subscribeAsync(sharedReadingsTopic(options.group ?? 'hemonet'), { qos: 1 });
  return client;
}
