/**
 * Google Merchant RSS 2.0 feeds: `<item>` elements whose children are `<g:field>` (or plain
 * `<title>`, `<link>`, `<description>`). Pure and resumable like the delimited parser: only complete
 * items, and the index after the last one. Repeated fields (additional_image_link) collect.
 *
 * Item boundaries come from a forward scan (`<item` ... `</item>`), so the cursor logic, line
 * numbers and byte offsets stay what they were; each item's body is then read by saxes, a streaming
 * SAX parser, in one linear pass. The regex it replaces retried every opening tag against the rest
 * of the item, which is quadratic: a 96 KB item of `<a>` took 2.6 s, and a maximum-size one would
 * never finish (bench/imports-xml.mjs has the numbers).
 */
import { SaxesParser } from 'saxes';
import type { FieldError } from '../../http/problem';

export interface XmlItem {
  fields: Record<string, string[]>;
  line: number;
  /** Why the item cannot be imported as read (an invalid code point, nesting past the limit). */
  errors: FieldError[];
}

/** Elements open at once inside one item: a field and its markup need a handful; saxes keeps one object per open element. */
export const MAX_ITEM_DEPTH = 64;

/**
 * Real feeds carry bare ampersands ("Tom & Jerry"); a strict parser would read the rest of the item
 * as an entity name. An `&` that does not start a reference (name or number, then `;`, within 32
 * characters) is escaped first. Linear: the look-ahead is bounded.
 */
function escapeBareAmpersands(text: string): string {
  return text.replace(/&(?!(?:#[0-9]{1,10}|#x[0-9a-fA-F]{1,8}|[A-Za-z_][\w.-]{0,31});)/g, '&amp;');
}

/**
 * Malformations tolerated inside one item before it is refused: saxes reports each one as an Error,
 * and an item made of nothing but stray tags would otherwise cost one Error per few bytes.
 */
export const MAX_ITEM_XML_ERRORS = 200;

class Refused extends Error {}

/** saxes reports a character reference outside XML's Char production and a raw disallowed character with these. */
const INVALID_CHARACTER = /malformed character entity|disallowed character\./;

export type ItemFields = { fields: Record<string, string[]>; errors: FieldError[] };

/**
 * Reads item bodies (the text between `<item ...>` and `</item>`) one after another with one saxes
 * parser: building a parser costs more than reading a typical item, and saxes resets itself on close.
 */
export function itemReader(): (body: string) => ItemFields {
  let fields: Record<string, string[]> = {};
  let depth = 0;
  let field: string | null = null;
  let value = '';
  let invalidIn: string | null = null;
  let malformations = 0;
  const addText = (text: string) => {
    if (depth >= 1) value += text;
  };
  const create = () => {
    const parser = new SaxesParser({ fragment: true, position: false });
    parser.on('opentag', (tag) => {
      depth += 1;
      if (depth > MAX_ITEM_DEPTH) throw new Refused(`Elements are nested deeper than ${MAX_ITEM_DEPTH} levels inside this <item>`);
      if (depth === 1) {
        field = tag.name.startsWith('g:') ? tag.name.slice(2) : tag.name;
        value = '';
      }
    });
    parser.on('text', addText);
    parser.on('cdata', addText);
    parser.on('closetag', () => {
      if (depth === 1 && field !== null) {
        (fields[field] ??= []).push(value.trim());
        field = null;
      }
      depth -= 1;
    });
    // Anything else malformed (an unclosed tag, a stray closing tag) is read leniently, as feeds are.
    parser.on('error', (err) => {
      if (invalidIn === null && INVALID_CHARACTER.test(err.message)) invalidIn = field ?? '';
      malformations += 1;
      if (malformations > MAX_ITEM_XML_ERRORS) throw new Refused(`More than ${MAX_ITEM_XML_ERRORS} XML syntax errors inside this <item>`);
    });
    return parser;
  };
  let parser = create();
  return (body) => {
    fields = {};
    depth = 0;
    field = null;
    value = '';
    invalidIn = null;
    malformations = 0;
    // saxes builds an Error for every malformation; without stack traces they cost next to nothing.
    // The parse is synchronous, so the global setting is restored before anything else runs.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      parser.write(escapeBareAmpersands(body)).close();
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      parser = create(); // stopped half-way: its state is not reusable
      return { fields, errors: [{ path: '', message: err.message }] };
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    const errors: FieldError[] = [];
    if (invalidIn !== null) {
      errors.push({ path: invalidIn, message: 'Contains a character XML does not allow: a code point above U+10FFFF, a surrogate, or a control character (raw or as &#...;)' });
    }
    return { fields, errors };
  };
}

export function parseItems(text: string, firstLine: number): { items: XmlItem[]; consumed: number; nextLine: number } {
  const items: XmlItem[] = [];
  const readItem = itemReader();
  let line = firstLine;
  let position = 0;
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) line += 1;
  };
  for (;;) {
    const start = text.indexOf('<item', position);
    if (start === -1 || !/[\s>]/.test(text[start + 5] ?? '')) {
      if (start === -1) break;
      countLines(position, start + 5);
      position = start + 5;
      continue;
    }
    const end = text.indexOf('</item>', start);
    if (end === -1) break;
    countLines(position, start);
    const itemLine = line;
    const { fields, errors } = readItem(text.slice(text.indexOf('>', start) + 1, end));
    items.push({ fields, line: itemLine, errors });
    countLines(start, end + 7);
    position = end + 7;
  }
  return { items, consumed: position, nextLine: line };
}
