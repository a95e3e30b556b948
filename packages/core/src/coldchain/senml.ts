import { z } from 'zod';

/**
 * SenML (RFC 8428) ingestion for Hemonet devices: validation with zod, resolution of base fields
 * and times into plain readings. A payload is accepted or rejected as a whole, so a device's batch
 * never lands half-stored.
 */

/** What a device may measure. Booleans are stored as 1 (true) / 0 (false). */
export const measurementNames = ['temperature', 'agitation', 'door', 'battery', 'power'] as const;
export type MeasurementName = (typeof measurementNames)[number];

/** One resolved reading: reading time in epoch milliseconds, numeric value. */
export interface Reading {
  at: number;
  name: MeasurementName;
  value: number;
}

/** RFC 8428 §4.5.3: time values below 2**28 are relative to the current time. */
const RELATIVE_TIME_LIMIT = 2 ** 28;

const finite = z.number(); // zod 4 numbers reject NaN and ±Infinity

/** RFC 8428 §4.1–4.3 fields of one record (base and regular). Unknown fields are ignored. */
export const senmlRecordSchema = z.object({
  bn: z.string().max(256).optional(),
  bt: finite.optional(),
  bu: z.string().max(32).optional(),
  bv: finite.optional(),
  bver: z.number().int().optional(),
  n: z.string().max(256).optional(),
  u: z.string().max(32).optional(),
  v: finite.optional(),
  vb: z.boolean().optional(),
  vs: z.string().max(1024).optional(),
  vd: z.string().max(1024).optional(),
  s: finite.optional(),
  t: finite.optional(),
  ut: finite.optional(),
});
export type SenmlRecord = z.infer<typeof senmlRecordSchema>;

export interface SenmlLimits {
  /** Bytes of one payload (a buffered batch included). */
  maxPayloadBytes: number;
  maxRecords: number;
  /** A reading may be at most this far ahead of the server clock (device clock skew). */
  maxFutureSkewMs: number;
  /** Older readings are refused: beyond retention they could never be evaluated. */
  maxAgeMs: number;
}

export const defaultSenmlLimits: SenmlLimits = {
  maxPayloadBytes: 256 * 1024,
  maxRecords: 2000,
  maxFutureSkewMs: 5 * 60_000,
  maxAgeMs: 30 * 24 * 3_600_000,
};

export const senmlRejectCodes = [
  'PAYLOAD_TOO_LARGE',
  'INVALID_JSON',
  'NOT_A_SENML_PACK',
  'TOO_MANY_RECORDS',
  'INVALID_RECORD',
  'UNSUPPORTED_VERSION',
  'MUST_UNDERSTAND_FIELD',
  'WRONG_UNIT',
  'WRONG_VALUE_TYPE',
  'VALUE_OUT_OF_BOUNDS',
  'TIME_IN_FUTURE',
  'TIME_TOO_OLD',
  'NO_READINGS',
] as const;
export type SenmlRejectCode = (typeof senmlRejectCodes)[number];

export type SenmlResult =
  { ok: true; readings: Reading[] } | { ok: false; code: SenmlRejectCode; message: string };

interface MeasurementSpec {
  unit: string | null; // null: boolean measurement (vb)
  min?: number;
  max?: number;
}

/** Units from the RFC 8428 §12.1 registry: Cel (degrees Celsius), %EL (remaining battery). */
const specs: Record<MeasurementName, MeasurementSpec> = {
  temperature: { unit: 'Cel', min: -100, max: 100 },
  battery: { unit: '%EL', min: 0, max: 100 },
  agitation: { unit: null },
  door: { unit: null },
  power: { unit: null },
};

const isMeasurementName = (s: string): s is MeasurementName =>
  (measurementNames as readonly string[]).includes(s);

const reject = (code: SenmlRejectCode, message: string): SenmlResult => ({
  ok: false,
  code,
  message,
});

/** Parse raw MQTT payload bytes into readings, or a reason for rejecting them. */
export function parseSenml(
  payload: Uint8Array | string,
  nowMs: number,
  limits: SenmlLimits = defaultSenmlLimits,
): SenmlResult {
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
  if (size > limits.maxPayloadBytes) return reject('PAYLOAD_TOO_LARGE', `${size} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(
      typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8'),
    );
  } catch {
    return reject('INVALID_JSON', 'payload is not JSON');
  }
  // RFC 8428 §5: the JSON representation is an array of records.
  if (!Array.isArray(json)) return reject('NOT_A_SENML_PACK', 'a SenML pack is a JSON array');
  if (json.length > limits.maxRecords) return reject('TOO_MANY_RECORDS', `${json.length} records`);
  return resolvePack(json, nowMs, limits);
}

/** RFC 8428 §4.6: resolve base fields into each record, record by record, in pack order. */
export function resolvePack(records: unknown[], nowMs: number, limits: SenmlLimits): SenmlResult {
  const base = { bn: '', bt: 0, bu: undefined as string | undefined, bv: 0 };
  const readings: Reading[] = [];
  for (const [i, raw] of records.entries()) {
    const parsed = senmlRecordSchema.safeParse(raw);
    if (!parsed.success)
      return reject('INVALID_RECORD', `record ${i}: ${parsed.error.issues[0]?.message}`);
    const problem = checkRecordFields(raw as Record<string, unknown>, parsed.data);
    if (problem) return problem;
    const r = parsed.data;
    if (r.bn !== undefined) base.bn = r.bn;
    if (r.bt !== undefined) base.bt = r.bt;
    if (r.bu !== undefined) base.bu = r.bu;
    if (r.bv !== undefined) base.bv = r.bv;
    const reading = resolveRecord(r, base, nowMs, limits);
    if (reading === null) continue; // a base-only record or a measurement Hemonet does not use
    if ('ok' in reading) return reading;
    readings.push(reading);
  }
  if (readings.length === 0)
    return reject('NO_READINGS', 'no temperature, agitation, door, battery or power record');
  return { ok: true, readings };
}

function checkRecordFields(raw: Record<string, unknown>, r: SenmlRecord): SenmlResult | null {
  // RFC 8428 §4.4: fields whose label ends in "_" must be understood, else the pack is rejected.
  const unknownMust = Object.keys(raw).find((k) => k.endsWith('_'));
  if (unknownMust) return reject('MUST_UNDERSTAND_FIELD', `unsupported field ${unknownMust}`);
  // RFC 8428 §4.4: bver above 10 is a version this parser does not know.
  if (r.bver !== undefined && r.bver > 10) return reject('UNSUPPORTED_VERSION', `bver ${r.bver}`);
  return null;
}

type Base = { bn: string; bt: number; bu: string | undefined; bv: number };

function resolveRecord(
  r: SenmlRecord,
  base: Base,
  nowMs: number,
  limits: SenmlLimits,
): Reading | SenmlResult | null {
  const fullName = base.bn + (r.n ?? '');
  const name = measurementOf(fullName);
  if (name === null) return null;
  const hasValue =
    r.v !== undefined || r.vb !== undefined || r.vs !== undefined || r.vd !== undefined;
  if (!hasValue && r.s === undefined && r.n === undefined) return null; // base-only record
  const at = resolveTime(base.bt + (r.t ?? 0), nowMs);
  if (at > nowMs + limits.maxFutureSkewMs) return reject('TIME_IN_FUTURE', `${name} at ${at}`);
  if (at < nowMs - limits.maxAgeMs) return reject('TIME_TOO_OLD', `${name} at ${at}`);
  const value = resolveValue(name, r, base);
  if (typeof value !== 'number') return value;
  return { at, name, value };
}

/** The measurement is the last segment of the resolved name (bn may carry a device prefix). */
function measurementOf(fullName: string): MeasurementName | null {
  const last = fullName.split(/[:/]/).pop() ?? '';
  return isMeasurementName(last) ? last : null;
}

/** Seconds (absolute or relative to now, RFC 8428 §4.5.3) → epoch milliseconds. */
function resolveTime(seconds: number, nowMs: number): number {
  const ms = seconds < RELATIVE_TIME_LIMIT ? nowMs + seconds * 1000 : seconds * 1000;
  return Math.round(ms);
}

function resolveValue(name: MeasurementName, r: SenmlRecord, base: Base): number | SenmlResult {
  const spec = specs[name];
  if (spec.unit === null) {
    if (r.vb === undefined) return reject('WRONG_VALUE_TYPE', `${name} needs a boolean value (vb)`);
    return r.vb ? 1 : 0;
  }
  const unit = r.u ?? base.bu;
  if (unit !== spec.unit)
    return reject('WRONG_UNIT', `${name} must be in ${spec.unit}, got ${unit ?? 'none'}`);
  if (r.v === undefined && r.s === undefined)
    return reject('WRONG_VALUE_TYPE', `${name} needs a numeric value (v)`);
  // RFC 8428 §4.6: the resolved value is bv + v (a sum s is taken as the value when v is absent).
  const value = base.bv + (r.v ?? r.s ?? 0);
  if (
    !Number.isFinite(value) ||
    value < (spec.min ?? -Infinity) ||
    value > (spec.max ?? Infinity)
  ) {
    return reject('VALUE_OUT_OF_BOUNDS', `${name} ${value} outside physical bounds`);
  }
  return value;
}
