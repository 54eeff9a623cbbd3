/** Dates (DESIGN "Dates"): strict RFC 3339 for the API, the lenient interval form feeds and dialects send. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInterval, parseLenientDateTime, parseRfc3339 } from '../../../src/lib/dates';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

// Years 0100-9999 (a day inside, so any offset's wall clock stays in range); years below 100 have
// their own test below.
const MIN = new Date('0100-01-02T00:00:00Z').getTime();
const MAX = new Date('9999-12-30T23:59:59.999Z').getTime();
const instant = fc.integer({ min: MIN, max: MAX });
const wholeSecond = instant.map((ms) => ms - (((ms % 1000) + 1000) % 1000));
/** An offset in minutes, -23:59 .. +23:59. */
const offset = fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 });

/** The wall-clock fields of `ms` at `offsetMinutes` east of UTC. */
function local(ms: number, offsetMinutes: number) {
  const d = new Date(ms + offsetMinutes * 60_000);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    s: pad(d.getUTCSeconds()),
    ms: pad(d.getUTCMilliseconds(), 3),
  };
}
const sign = (m: number) => (m < 0 ? '-' : '+');
const colonOffset = (m: number) => `${sign(m)}${pad(Math.trunc(Math.abs(m) / 60))}:${pad(Math.abs(m) % 60)}`;
const compactOffset = (m: number) => colonOffset(m).replace(':', '');

describe('parseRfc3339', () => {
  it('reads Z and ±hh:mm offsets', () => {
    expect(parseRfc3339('2024-06-10T00:00:00Z')).toBe(Date.UTC(2024, 5, 10));
    expect(parseRfc3339('2024-06-10t00:00:00z')).toBe(Date.UTC(2024, 5, 10));
    expect(parseRfc3339('2024-06-10T02:00:00+02:00')).toBe(Date.UTC(2024, 5, 10));
    expect(parseRfc3339('2024-06-09T19:30:00-04:30')).toBe(Date.UTC(2024, 5, 10));
    expect(parseRfc3339('2024-06-10T00:00:00-00:00')).toBe(Date.UTC(2024, 5, 10));
    expect(parseRfc3339('2024-06-10T00:00:00.5Z')).toBe(Date.UTC(2024, 5, 10, 0, 0, 0, 500));
    expect(parseRfc3339('2024-06-10T00:00:00.123456789Z')).toBe(Date.UTC(2024, 5, 10, 0, 0, 0, 123));
    expect(parseRfc3339('2024-02-29T12:00:00Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseRfc3339('2000-02-29T12:00:00Z')).toBe(Date.UTC(2000, 1, 29, 12));
  });

  it('round-trips every instant written in UTC (toISOString)', () => {
    fc.assert(
      fc.property(instant, (ms) => {
        expect(parseRfc3339(new Date(ms).toISOString())).toBe(ms);
      }),
    );
  });

  it('reads every instant written at any offset', () => {
    fc.assert(
      fc.property(instant, offset, fc.boolean(), (ms, off, withMs) => {
        const l = local(ms, off);
        const text = `${l.date}T${l.hm}:${l.s}${withMs ? `.${l.ms}` : ''}${colonOffset(off)}`;
        const expected = withMs ? ms : ms - (((ms % 1000) + 1000) % 1000);
        expect(parseRfc3339(text), text).toBe(expected);
      }),
    );
  });

  it('rejects impossible dates and times', () => {
    for (const text of [
      '2024-02-30T00:00:00Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2024-04-31T00:00:00Z',
      '2024-06-00T00:00:00Z',
      '2024-06-32T00:00:00Z',
      '2024-00-10T00:00:00Z',
      '2024-13-10T00:00:00Z',
      '2024-06-10T24:00:00Z',
      '2024-06-10T23:60:00Z',
      '2024-06-10T23:59:61Z',
      '2024-06-10T00:00:00+24:00',
      '2024-06-10T00:00:00+02:60',
    ]) {
      expect(parseRfc3339(text), text).toBeNull();
    }
  });

  it('rejects every day past the end of its month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), (year, month, past) => {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate(); // days in `month`
        fc.pre(days + past <= 99);
        expect(parseRfc3339(`${pad(year, 4)}-${pad(month)}-${pad(days)}T00:00:00Z`)).not.toBeNull();
        expect(parseRfc3339(`${pad(year, 4)}-${pad(month)}-${pad(days + past)}T00:00:00Z`)).toBeNull();
      }),
    );
  });

  it('rejects what RFC 3339 does not allow (no offset, no seconds, ±hhmm, space, garbage)', () => {
    for (const text of [
      '2024-06-10T00:00:00',
      '2024-06-10T00:00Z',
      '2024-06-10T00:00:00+0200',
      '2024-06-10 00:00:00Z',
      '2024-06-10',
      '2024-6-10T00:00:00Z',
      '24-06-10T00:00:00Z',
      ' 2024-06-10T00:00:00Z',
      '2024-06-10T00:00:00Z ',
      '2024-06-10T00:00:00.Z',
      '2024-06-10T00:00:00.1234567890Z',
      '2024-06-10T00:00:00+2',
      '',
      'yesterday',
    ]) {
      expect(parseRfc3339(text), text).toBeNull();
    }
  });

  // Regression: Date.UTC maps years 0-99 to 1900-1999, so "0001-01-01T00:00:00Z" (e.g. Go's zero
  // time) once read as 1901-01-01.
  it('reads years below 100 as themselves', () => {
    expect(parseRfc3339('0001-01-01T00:00:00Z')).toBe(new Date('0001-01-01T00:00:00Z').getTime());
  });
});

describe('parseInterval', () => {
  it('reads the seed form with no offset as UTC', () => {
    expect(parseInterval('2024-06-10T00:00:00/2024-06-20T23:59:59')).toEqual({
      ok: true,
      start: Date.UTC(2024, 5, 10),
      end: Date.UTC(2024, 5, 20, 23, 59, 59),
    });
  });

  it('reads Z, ±hh:mm and ±hhmm offsets, and optional seconds', () => {
    const window = { ok: true, start: Date.UTC(2024, 5, 10), end: Date.UTC(2024, 5, 20, 23, 59) };
    expect(parseInterval('2024-06-10T00:00:00Z/2024-06-20T23:59:00Z')).toEqual(window);
    expect(parseInterval('2024-06-10T00:00Z/2024-06-20T23:59Z')).toEqual(window);
    expect(parseInterval('2024-06-10T00:00/2024-06-20T23:59')).toEqual(window);
    expect(parseInterval('2024-06-10T02:00+0200/2024-06-20T18:59:00-0500')).toEqual(window);
    expect(parseInterval('2024-06-10T02:00:00+02:00/2024-06-21T01:59+02:00')).toEqual(window);
    expect(parseInterval('2024-06-10 00:00:00/2024-06-20 23:59:00')).toEqual(window);
  });

  it('reads any two instants written in any of those forms', () => {
    const form = fc.constantFrom('colon', 'compact', 'Z', 'none');
    fc.assert(
      fc.property(wholeSecond, wholeSecond, offset, offset, form, form, fc.boolean(), (a, b, offA, offB, formA, formB, seconds) => {
        fc.pre(a !== b);
        const [start, end] = a < b ? [a, b] : [b, a];
        const write = (ms: number, off: number, f: string) => {
          const o = f === 'colon' || f === 'compact' ? off : 0;
          const l = local(ms, o);
          const tail = f === 'colon' ? colonOffset(o) : f === 'compact' ? compactOffset(o) : f === 'Z' ? 'Z' : '';
          return `${l.date}T${l.hm}${seconds ? `:${l.s}` : ''}${tail}`;
        };
        const truncate = (ms: number) => (seconds ? ms : ms - (((ms % 60_000) + 60_000) % 60_000));
        const [s, e] = [write(start, offA, formA), write(end, offB, formB)];
        const result = parseInterval(`${s}/${e}`);
        if (truncate(start) < truncate(end)) expect(result, `${s}/${e}`).toEqual({ ok: true, start: truncate(start), end: truncate(end) });
        else expect(result.ok).toBe(false);
        // The other way round it is never a window.
        expect(parseInterval(`${e}/${s}`).ok).toBe(false);
      }),
    );
  });

  it('rejects a window that does not start before it ends', () => {
    expect(parseInterval('2024-06-10T00:00:00/2024-06-10T00:00:00')).toEqual({ ok: false, message: 'The interval must start before it ends' });
    expect(parseInterval('2024-06-20T00:00:00/2024-06-10T00:00:00')).toEqual({ ok: false, message: 'The interval must start before it ends' });
    // Same instant written at two offsets.
    expect(parseInterval('2024-06-10T02:00:00+02:00/2024-06-10T00:00:00Z').ok).toBe(false);
  });

  it('rejects malformed intervals and impossible ends', () => {
    for (const text of [
      '',
      '2024-06-10T00:00:00',
      '2024-06-10T00:00:00/',
      '/2024-06-20T00:00:00',
      '2024-06-10T00:00:00/2024-06-20T00:00:00/2024-06-30T00:00:00',
      '2024-06-10/2024-06-20',
      '2024-02-30T00:00:00/2024-03-20T00:00:00',
      '2024-06-10T00:00:00/2024-06-10T24:00:00',
      '2024-06-10T00:00:00+2400/2024-06-20T00:00:00',
      '2024-06-10T00:00:00--2024-06-20T00:00:00',
    ]) {
      expect(parseInterval(text).ok, text).toBe(false);
    }
  });

  it('parseLenientDateTime agrees with parseRfc3339 wherever the strict form parses', () => {
    fc.assert(
      fc.property(instant, offset, (ms, off) => {
        const l = local(ms, off);
        const text = `${l.date}T${l.hm}:${l.s}.${l.ms}${colonOffset(off)}`;
        expect(parseLenientDateTime(text)).toBe(parseRfc3339(text));
      }),
    );
  });
});
