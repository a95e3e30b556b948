import { describe, expect, it } from 'vitest';
import { parseSenml } from './senml.js';

const now = 1_750_000_000_000;
const nowS = now / 1000;
const parse = (v: unknown) => parseSenml(JSON.stringify(v), now);

describe('parseSenml (RFC 8428)', () => {
  it('reads a temperature record with an absolute time', () => {
    expect(parse([{ n: 'temperature', u: 'Cel', v: 4.2, t: nowS - 10 }])).toEqual({
      ok: true,
      readings: [{ at: now - 10_000, name: 'temperature', value: 4.2 }],
    });
  });

  it('resolves bn, bt, bu and bv into each record (§4.6)', () => {
    const pack = [
      { bn: 'urn:dev:fridge-1:', bt: nowS - 60, bu: 'Cel', bv: 4, n: 'temperature', v: 0.5, t: 0 },
      { n: 'temperature', v: 1, t: 30 },
      { n: 'door', vb: true, t: 30 },
      { n: 'battery', u: '%EL', v: -4, t: 30 },
    ];
    const r = parse(pack);
    expect(r).toEqual({
      ok: true,
      readings: [
        { at: now - 60_000, name: 'temperature', value: 4.5 },
        { at: now - 30_000, name: 'temperature', value: 5 },
        { at: now - 30_000, name: 'door', value: 1 },
        { at: now - 30_000, name: 'battery', value: 0 },
      ],
    });
  });

  it('treats times below 2**28 as relative to now (§4.5.3) and missing t as now', () => {
    const r = parse([
      { n: 'temperature', u: 'Cel', v: 3, t: -120 },
      { n: 'agitation', vb: false },
    ]);
    expect(r.ok && r.readings.map((x) => x.at)).toEqual([now - 120_000, now]);
  });

  it('accepts late buffered readings with their own times', () => {
    const pack = Array.from({ length: 100 }, (_, i) => ({
      n: 'temperature',
      u: 'Cel',
      v: 4,
      t: nowS - 86_400 + i * 60,
    }));
    const r = parse(pack);
    expect(r.ok && r.readings.length).toBe(100);
  });

  it.each([
    ['{not json', 'INVALID_JSON'],
    ['NaN', 'INVALID_JSON'],
    ['{"n":"temperature"}', 'NOT_A_SENML_PACK'],
    ['[{"n":"temperature","u":"Far","v":40}]', 'WRONG_UNIT'],
    ['[{"n":"temperature","v":4}]', 'WRONG_UNIT'],
    ['[{"n":"temperature","u":"Cel","v":1e400}]', 'INVALID_RECORD'],
    ['[{"n":"temperature","u":"Cel","v":"4"}]', 'INVALID_RECORD'],
    ['[{"n":"temperature","u":"Cel","v":500}]', 'VALUE_OUT_OF_BOUNDS'],
    ['[{"n":"temperature","u":"Cel","vb":true}]', 'WRONG_VALUE_TYPE'],
    ['[{"n":"door","v":1}]', 'WRONG_VALUE_TYPE'],
    [`[{"n":"temperature","u":"Cel","v":4,"t":${nowS + 3600}}]`, 'TIME_IN_FUTURE'],
    ['[{"n":"temperature","u":"Cel","v":4,"t":300000000}]', 'TIME_TOO_OLD'],
    ['[{"n":"humidity","u":"%RH","v":40}]', 'NO_READINGS'],
    ['[]', 'NO_READINGS'],
    ['[{"n":"temperature","u":"Cel","v":4,"x_":1}]', 'MUST_UNDERSTAND_FIELD'],
    ['[null]', 'INVALID_RECORD'],
  ])('rejects %s as %s', (payload, code) => {
    expect(parseSenml(payload, now)).toMatchObject({ ok: false, code });
  });

  it('rejects huge arrays and oversized payloads before evaluating them', () => {
    const many = JSON.stringify(Array.from({ length: 5000 }, () => ({ n: 'door', vb: false })));
    expect(parseSenml(many, now)).toMatchObject({ ok: false, code: 'TOO_MANY_RECORDS' });
    expect(parseSenml('['.padEnd(300_000, ' ') + ']', now)).toMatchObject({
      ok: false,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });

  it('rejects the whole pack when one record is bad', () => {
    const r = parse([
      { n: 'temperature', u: 'Cel', v: 4 },
      { n: 'temperature', u: 'K', v: 277 },
    ]);
    expect(r).toMatchObject({ ok: false, code: 'WRONG_UNIT' });
  });
});
