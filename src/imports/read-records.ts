/**
 * One chunk of an import file -> canonical product candidates with their line numbers, and where the
 * next record starts (bytes and line). Pure apart from nothing: bytes in, records out. Chunks end on
 * a newline byte, which is a character boundary in UTF-8 and in Windows-1252 alike; a record that
 * does not end inside the chunk (a quoted newline, a long XML item) is left for the next one.
 */
import type { FieldError } from '../http/problem';
import { MAX_JSON_DEPTH, parseJsonWithin } from '../lib/json-depth';
import { merchantToCanonical } from './merchant';
import { detectDelimiter, parseDelimited } from './parse/delimited';
import { splitLines } from './parse/jsonl';
import { parseItems } from './parse/merchant-xml';

export type ImportFormat = 'jsonl' | 'csv' | 'tsv' | 'xml';

export interface Cursor {
  offset: number;
  line: number;
  encoding: string | null;
  columns: string[] | null;
  delimiter: string | null;
}

export type Candidate = { line: number; ok: true; product: Record<string, unknown> } | { line: number; ok: false; id: string | null; errors: FieldError[] };

export interface ChunkResult {
  candidates: Candidate[];
  next: Cursor;
}

const BOM = [0xef, 0xbb, 0xbf];
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * JSONL lines longer than this are row errors, not parsed: JSON.parse of an 8 MB line of small
 * objects peaked at ~187 MB of heap (bench/memory/import-chunk.mjs), over the 96 MB chunk budget. A
 * canonical product (16 KB metadata, 20 images, localized texts) is a few tens of KB.
 */
export const MAX_JSONL_ROW_CHARS = 1024 * 1024;

export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'windows-1252' {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/**
 * Source bytes taken by the first `chars` characters of `text` (decoded from `bytes`). Windows-1252
 * is one byte a character. UTF-8 re-encodes, unless the prefix holds a replacement character (a
 * stray invalid byte, which re-encodes as 3 bytes whatever it was): then count newlines, which are
 * single 0x0A bytes in the source either way, and re-encode only the rest of the last line.
 */
function byteOffset(bytes: Uint8Array, text: string, chars: number, encoding: string): number {
  if (encoding !== 'utf-8') return chars;
  const prefix = text.slice(0, chars);
  if (!prefix.includes('\uFFFD')) return new TextEncoder().encode(prefix).length;
  const lastNewline = prefix.lastIndexOf('\n');
  let newlines = 0;
  for (let i = 0; i <= lastNewline; i++) if (prefix.charCodeAt(i) === 10) newlines += 1;
  let at = 0;
  for (let seen = 0; seen < newlines; at++) if (bytes[at] === 0x0a) seen += 1;
  return at + new TextEncoder().encode(prefix.slice(lastNewline + 1)).length;
}

/** Bytes of `chunk` up to and including its last newline (all of it when it is the file's end). */
export function completeLines(chunk: Uint8Array, final: boolean): Uint8Array | null {
  if (final) return chunk;
  const last = chunk.lastIndexOf(0x0a);
  return last === -1 ? null : chunk.subarray(0, last + 1);
}

export function readChunk(
  format: ImportFormat,
  bytes: Uint8Array,
  cursor: Cursor,
  final: boolean,
  tenant: { defaultCurrency: string; defaultLocale: string },
): ChunkResult | null {
  let skip = 0;
  if (cursor.offset === 0 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) skip = 3;
  const body = bytes.subarray(skip);
  const encoding = cursor.encoding ?? detectEncoding(body);
  const text = new TextDecoder(encoding).decode(body);
  // Plain ASCII reads the same in both encodings: decide only once a byte above 0x7F shows up, so a
  // file whose first chunk is ASCII and whose later rows carry Latin-1 bytes is still read right.
  // Any byte above 0x7F decodes to a character above U+007F in either encoding (U+FFFD for a stray
  // one in UTF-8), so the decoded text answers it: a native regex scan, where `bytes.some` with a
  // callback took ~25 ms of a 512 KB chunk's ~140 ms in readChunk.
  const next: Cursor = { ...cursor, encoding: cursor.encoding ?? (NON_ASCII.test(text) ? encoding : null) };
  const candidates: Candidate[] = [];
  let consumed = 0;

  if (format === 'jsonl') {
    const piece = splitLines(text, cursor.line, final);
    for (const line of piece.lines) {
      if (line.text.length > MAX_JSONL_ROW_CHARS) {
        candidates.push({ line: line.line, ok: false, id: null, errors: [{ path: '', message: 'This line is longer than 1 MiB (1,048,576 characters): a product is far smaller' }] });
        continue;
      }
      const parsed = parseJsonWithin(line.text);
      if (!parsed.ok) {
        const message = parsed.reason === 'depth' ? `Nested deeper than ${MAX_JSON_DEPTH} levels` : 'Not valid JSON';
        candidates.push({ line: line.line, ok: false, id: null, errors: [{ path: '', message }] });
        continue;
      }
      const value = parsed.value;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        candidates.push({ line: line.line, ok: false, id: null, errors: [{ path: '', message: 'Each line must be a product object' }] });
      } else candidates.push({ line: line.line, ok: true, product: value as Record<string, unknown> });
    }
    consumed = piece.consumed;
    next.line = piece.nextLine;
  } else if (format === 'xml') {
    const piece = parseItems(text, cursor.line);
    for (const item of piece.items) {
      const id = item.fields.id?.[0] || null;
      if (item.errors.length > 0) {
        candidates.push({ line: item.line, ok: false, id, errors: item.errors });
        continue;
      }
      const mapped = merchantToCanonical(item.fields, tenant);
      candidates.push(mapped.ok ? { line: item.line, ok: true, product: mapped.product } : { line: item.line, ok: false, id, errors: mapped.errors });
    }
    // Between items there is only markup; at the end of the file a leftover without `<item` is just
    // closing tags (taken below), one with `<item` is an item cut off (an error below).
    consumed = piece.consumed;
    next.line = piece.nextLine;
  } else {
    let body = text;
    let line = cursor.line;
    let headerChars = 0;
    if (!cursor.columns) {
      const headerEnd = lengthOfFirstRecord(text);
      if (headerEnd === text.length && !final && !text.endsWith('\n')) return null;
      const headerText = text.slice(0, headerEnd);
      const delimiter = format === 'tsv' ? '\t' : detectDelimiter(headerText);
      const header = parseDelimited(headerText, delimiter, line, true).records[0];
      if (!header) return null;
      next.columns = header.fields.map((name) => name.trim().toLowerCase().replace(/^g:/, ''));
      next.delimiter = delimiter;
      headerChars = headerEnd;
      body = text.slice(headerEnd);
      line += headerText.split('\n').length - 1;
    }
    const piece = parseDelimited(body, next.delimiter!, line, final);
    const columns = next.columns!;
    for (const record of piece.records) {
      const fields: Record<string, string[]> = {};
      for (let i = 0; i < columns.length; i++) {
        const value = record.fields[i];
        if (value !== undefined && value !== '') (fields[columns[i]!] ??= []).push(value);
      }
      const mapped = merchantToCanonical(fields, tenant);
      candidates.push(mapped.ok ? { line: record.line, ok: true, product: mapped.product } : { line: record.line, ok: false, id: fields.id?.[0] ?? null, errors: mapped.errors });
    }
    consumed = headerChars + piece.consumed;
    next.line = piece.nextLine;
  }
  if (consumed === 0 && !final) return null;
  // At the end of the file, whatever no parser could take is a record that never ends (an unclosed
  // quote, an XML item cut off): one error on the line where it starts, and the import moves on.
  if (final && consumed < text.length) {
    const rest = text.slice(consumed);
    const broken = format === 'xml' ? rest.includes('<item') : rest.trim() !== '';
    if (broken) {
      const before = format === 'xml' ? rest.slice(0, rest.indexOf('<item')) : rest.slice(0, rest.length - rest.trimStart().length);
      const line = next.line + before.split('\n').length - 1;
      const message = format === 'xml' ? 'The last <item> is cut off: the file ends before </item>' : 'This record never ends: a quote is not closed before the end of the file';
      candidates.push({ line, ok: false, id: null, errors: [{ path: '', message }] });
    }
    consumed = text.length;
  }
  next.offset = cursor.offset + skip + byteOffset(body, text, consumed, encoding);
  return { candidates, next };
}

/** Characters taken by the first record of `text` (the header), its newline included. */
function lengthOfFirstRecord(text: string): number {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n' && !inQuotes) return i + 1;
  }
  return text.length;
}
