/** MQTT topic of a device's readings (DESIGN.md): hemonet/{siteCode}/devices/{deviceId}/readings. */
export const deviceReadingsTopic = (siteCode: string, deviceId: string): string =>
  `hemonet/${siteCode}/devices/${deviceId}/readings`;

const TOPIC_RE = /^hemonet\/([^/+#]+)\/devices\/([^/+#]+)\/readings$/;

export function parseDeviceTopic(topic: string): { siteCode: string; deviceId: string } | null {
  const m = TOPIC_RE.exec(topic);
  return m && m[1] !== undefined && m[2] !== undefined ? { siteCode: m[1], deviceId: m[2] } : null;
}
