-- Raw readings, one row per device, measurement and reading time. The primary key makes a QoS 1
-- redelivery (MQTT 3.1.1 §4.3.2: at least once) land once. `site_id` is the distribution key when
-- sharded (Citus). Measurements: temperature (°C), agitation/door/power (1 = true), battery (%).
CREATE TABLE device_readings (
  device_id text NOT NULL,
  name text NOT NULL,
  at timestamptz NOT NULL,
  value double precision NOT NULL,
  site_id text NOT NULL,
  PRIMARY KEY (device_id, name, at)
);

-- Downsampled history: readings older than the raw-retention window are folded into hourly
-- aggregates (min, max, mean, count), kept for the record-retention period (CN WS 399: ≥ 1 year).
CREATE TABLE device_readings_hourly (
  device_id text NOT NULL,
  name text NOT NULL,
  hour timestamptz NOT NULL,
  min_value double precision NOT NULL,
  max_value double precision NOT NULL,
  mean_value double precision NOT NULL,
  count integer NOT NULL,
  site_id text NOT NULL,
  PRIMARY KEY (device_id, name, hour)
);
