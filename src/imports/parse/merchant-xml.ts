/**
 * Google Merchant RSS 2.0 feeds: `<item>` elements whose children are `<g:field>` (or plain
 * `<title>`, `<link>`, `<description>`). Pure and resumable like the delimited parser: only complete
 * items, and the index after the last one. Repeated fields (additional_image_link) collect.
 */
export interface XmlItem {
  fields: Record<string, string[]>;
  line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, cdata: string) => cdata.replace(/&/g, '\u0000amp;'))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name] ?? whole;
    })
    .replace(/\u0000amp;/g, '&')
    .trim();
}

export function parseItems(text: string, firstLine: number): { items: XmlItem[]; consumed: number; nextLine: number } {
  const items: XmlItem[] = [];
  let line = firstLine;
  let position = 0;
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) line += 1;
  };
  for (;;) {
    const start = text.indexOf('<item', position);
    if (start === -1 || !/[\s>]/.test(text[start + 5] ?? '')) {
      if (start === -1) break;
      position = start + 5;
      continue;
    }
    const end = text.indexOf('</item>', start);
    if (end === -1) break;
    countLines(position, start);
    const itemLine = line;
    const body = text.slice(text.indexOf('>', start) + 1, end);
    const fields: Record<string, string[]> = {};
    for (const match of body.matchAll(/<(?:g:)?([A-Za-z_][\w.-]*)(?:\s[^>]*)?>([\s\S]*?)<\/(?:g:)?\1>/g)) {
      const name = match[1]!;
      (fields[name] ??= []).push(unescapeXml(match[2]!));
    }
    items.push({ fields, line: itemLine });
    countLines(start, end + 7);
    position = end + 7;
  }
  return { items, consumed: position, nextLine: line };
}
