/**
 * `JSON.parse` that keeps the source text of long money numbers. A JSON number with more than 15
 * significant digits may be changed by `JSON.parse` before any code sees it (`1299.9900000000000001`
 * becomes 1299.99), so such a number in a money member is handed on as its source text instead,
 * which the money parser reads exactly (or refuses: a 7th fraction digit is never rounded away).
 * Uses the reviver's `context.source` (JSON.parse source text access; V8, so workerd and Node 22).
 */

/** Members that carry amounts: canonical `amount`, GeSmart `price`, Sizebay `price` / `salePrice`. */
export const MONEY_MEMBERS: ReadonlySet<string> = new Set(['amount', 'price', 'salePrice']);

const EXACT_NUMBER_DIGITS = 15;

/**
 * A long JSON number's source text, boxed so that a shape whose money is a JSON number (GeSmart's
 * `price`) can take it while still refusing a string the client sent.
 */
export class JsonNumberText {
  constructor(readonly text: string) {}
}

type Reviver = (this: unknown, key: string, value: unknown, context?: { source?: string }) => unknown;

/** A run of 16+ digits (dots allowed between): the only text that can hold a number JSON.parse would change. */
const MAYBE_LONG_NUMBER = /[0-9][0-9.]{15}/;

/**
 * `mayHaveLongNumber`: the caller's own scan of the text already told whether a long digit run occurs
 * outside strings (lib/json-depth scanJson), so this one need not run its regex over the text again.
 */
export function parseJsonExact(
  text: string,
  options: { boxed?: boolean; mayHaveLongNumber?: boolean } = {},
  members: ReadonlySet<string> = MONEY_MEMBERS,
): unknown {
  // The reviver costs a call per value (~2x on a 6 MB batch); most bodies have no long number at all.
  if (!(options.mayHaveLongNumber ?? MAYBE_LONG_NUMBER.test(text))) return JSON.parse(text) as unknown;
  const reviver: Reviver = function (key, value, context) {
    if (typeof value === 'number' && members.has(key) && context?.source !== undefined && significantDigits(context.source) > EXACT_NUMBER_DIGITS) {
      return options.boxed ? new JsonNumberText(context.source) : context.source;
    }
    return value;
  };
  return (JSON.parse as (text: string, reviver: Reviver) => unknown)(text, reviver);
}

/** Significant digits of a JSON number's text ("-0.000120e3" has 2). */
function significantDigits(source: string): number {
  const mantissa = source.replace(/^-/, '').split(/e/i)[0]!;
  return mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
}
