-- Alarms: one row per raised episode of a condition on a device. `started_at`/`raised_at`/
-- `ended_at` are reading times (evaluation is by reading time); `detected_at` is when the server
-- raised it, the clock escalation runs on.
CREATE TABLE alarms (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  device_id text NOT NULL REFERENCES devices (id),
  site_id text NOT NULL REFERENCES sites (id),
  location_id text,
  condition text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('warning', 'critical')),
  status text NOT NULL CHECK (status IN ('raised', 'acknowledged', 'resolved', 'closed')),
  started_at timestamptz NOT NULL,
  raised_at timestamptz NOT NULL,
  ended_at timestamptz,
  min_value double precision,
  max_value double precision,
  detected_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  ack_comment text,
  resolved_at timestamptz,
  closed_at timestamptz,
  escalation_level integer NOT NULL DEFAULT -1,
  -- Units touched by the episode are (re)held until this reading time; null: not yet.
  holds_applied_until timestamptz,
  CHECK (status NOT IN ('acknowledged') OR ack_comment IS NOT NULL)
);
-- One open alarm per device and condition.
CREATE UNIQUE INDEX alarms_one_open_idx ON alarms (device_id, condition) WHERE status IN ('raised', 'acknowledged');
CREATE INDEX alarms_site_status_idx ON alarms (site_id, status, detected_at);
CREATE INDEX alarms_device_started_idx ON alarms (device_id, started_at);

-- Units an excursion touched and what became of them (held, then released or discarded).
CREATE TABLE alarm_units (
  alarm_id bigint NOT NULL REFERENCES alarms (id),
  din text NOT NULL,
  held_at timestamptz NOT NULL,
  disposition text CHECK (disposition IN ('released', 'discarded', 'not_held')),
  disposed_at timestamptz,
  PRIMARY KEY (alarm_id, din)
);

-- Every notification sent on escalation: level reached, channel, outcome.
CREATE TABLE alarm_notifications (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alarm_id bigint NOT NULL REFERENCES alarms (id),
  level integer NOT NULL,
  channel text NOT NULL,
  target text NOT NULL,
  sent_at timestamptz NOT NULL,
  ok boolean NOT NULL,
  detail text
);
CREATE INDEX alarm_notifications_alarm_idx ON alarm_notifications (alarm_id);
