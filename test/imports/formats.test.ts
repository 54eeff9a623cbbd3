/**
 * Feeds in every format, mapped onto the canonical product: Google Merchant columns (CSV/TSV) and
 * `g:` fields (RSS 2.0 XML) with values as Google accepts them, canonical JSONL, and real-world
 * messiness: BOM, CRLF, quoted newlines and quotes, `;` separators with decimal commas, missing
 * columns, Latin-1 bytes, duplicate ids, blank lines. Per-row errors carry the line where the
 * record starts (the header is line 1).
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: Vite's ?raw import (a string); no declaration covers .csv?raw without vite/client's global types
import sampleCsv from '../../samples/catalog.csv?raw';
// @ts-expect-error: Vite's ?raw import (a string); no declaration covers .jsonl?raw without vite/client's global types
import sampleJsonl from '../../samples/catalog.jsonl?raw';
// @ts-expect-error: Vite's ?raw import (a string); no declaration covers .tsv?raw without vite/client's global types
import sampleTsv from '../../samples/catalog.tsv?raw';
// @ts-expect-error: Vite's ?raw import (a string); no declaration covers .xml?raw without vite/client's global types
import sampleXml from '../../samples/catalog.xml?raw';
import { createTenant } from '../helpers/api';
import { concat, getProduct, latin1, productIds, runImport, utf8 } from '../helpers/imports';

const CSV = 'text/csv';
const TSV = 'text/tab-separated-values';
const JSONL = 'application/x-ndjson';
const XML = 'application/xml';

const imageUrls = (p: any) => (p.images ?? []).map((i: any) => i.source?.url);

describe('Google Merchant CSV', () => {
  it('maps every product-data column of the sample feed onto the canonical product', async () => {
    const t = await createTenant();
    const { imp, job, errors } = await runImport(t, sampleCsv, CSV);
    expect(errors).toEqual([]);
    expect(imp).toMatchObject({ status: 'completed', rows: { total: 3, done: 3, failed: 0 } });
    expect(job).toMatchObject({ status: 'completed', counts: { total: 3, succeeded: 3, created: 3 } });

    const tee = await getProduct(t, 'tee-white-s');
    expect(tee).toMatchObject({
      id: 'tee-white-s',
      title: 'Classic White T-Shirt',
      description: '100% cotton, relaxed fit',
      brand: 'Acme',
      gtin: '00012345678905',
      itemGroupId: 'tee-white',
      gender: 'unisex',
      ageGroup: 'adult',
      color: 'White',
      sizes: ['S'],
      sizeSystem: 'US',
      productType: 'Apparel > Tops > T-Shirts',
      categories: ['212'],
      localizations: { 'en-US': { availability: 'in stock', link: 'https://shop.example/p/tee-white' } },
      prices: { USD: { amount: '25.00', sale: { amount: '19.99', start: '2024-06-10T00:00:00.000Z', end: '2024-06-20T23:59:59.000Z' } } },
    });
    expect(tee.attributes).toEqual([expect.objectContaining({ name: 'mpn', value: 'TEE-W-S' })]);
    // image_link first, then each additional_image_link (comma-separated in a CSV cell).
    expect(imageUrls(tee)).toEqual(['https://shop.example/img/tee-white.jpg', 'https://shop.example/img/tee-white-back.jpg', 'https://shop.example/img/tee-white-side.jpg']);

    expect(await getProduct(t, 'tee-white-m')).toMatchObject({ sizes: ['M'], localizations: { 'en-US': { availability: 'in stock' } }, prices: { USD: { amount: '25.00' } } });
    const hoodie = await getProduct(t, 'hoodie-grey');
    expect(hoodie).toMatchObject({ title: 'Hoodie "Cloud"', description: 'Warm.\nSoft inside.', gender: 'male', localizations: { 'en-US': { availability: 'preorder' } }, prices: { USD: { amount: '59.90' } } });
    expect(hoodie.prices.USD.sale).toBeUndefined();
  });

  it('takes values as Google accepts them (availability spellings, price forms, interval offsets, size lists, case) and reports bad ones on their line', async () => {
    const t = await createTenant();
    const csv = [
      'id,title,availability,price,sale_price,sale_price_effective_date,gender,age_group,size',
      'v1,One,in_stock,25.00 USD,,,Female,Kids,"S,M,L"',
      'v2,Two,out_of_stock,25 USD,20 USD,2024-06-10T00:00+02:00/2024-06-20T23:59+0200,male,adult,',
      'v3,Three,backorder,USD 7.5,,,unisex,newborn,XL',
      'v4,Four,in stock,9.99 EUR,5.00 EUR,2024-06-10T10:00:00/2024-06-11T10:00:00,,,',
      'v5,Five,in stock,25.00 USD,30.00 EUR,,,,', // sale in another currency
      'v6,Six,in stock,25.00 USD,19.00 USD,2024-06-20T00:00:00Z/2024-06-10T00:00:00Z,,,', // ends before it starts
      'v7,Seven,in stock,twenty dollars,,,,,',
      'v8,Eight,sold out,1.00 USD,,,,,', // not an availability Google knows
      'v9,Nine,in stock,1.00 XXX1,,,,,',
    ].join('\n');
    const { imp, errors } = await runImport(t, csv, CSV);
    expect(imp).toMatchObject({ status: 'partial', rows: { total: 9, done: 4, failed: 5 } });
    expect(errors.map((e) => [e.itemId, e.line])).toEqual([
      ['v5', 6],
      ['v6', 7],
      ['v7', 8],
      ['v8', 9],
      ['v9', 10],
    ]);
    expect(errors.find((e) => e.itemId === 'v5')!.errors.map((e) => e.path).join()).toMatch(/sale_price/);
    expect(errors.find((e) => e.itemId === 'v6')!.errors.map((e) => e.path).join()).toMatch(/sale_price_effective_date/);
    expect(errors.find((e) => e.itemId === 'v7')!.errors.map((e) => e.path).join()).toMatch(/price/);
    expect(errors.find((e) => e.itemId === 'v8')!.errors.map((e) => e.path).join()).toMatch(/availability/);

    expect(await getProduct(t, 'v1')).toMatchObject({ gender: 'female', ageGroup: 'kids', sizes: ['S', 'M', 'L'], localizations: { 'en-US': { availability: 'in stock' } } });
    expect(await getProduct(t, 'v2')).toMatchObject({
      localizations: { 'en-US': { availability: 'out of stock' } },
      prices: { USD: { amount: '25.00', sale: { amount: '20.00', start: '2024-06-09T22:00:00.000Z', end: '2024-06-20T21:59:00.000Z' } } },
    });
    expect(await getProduct(t, 'v3')).toMatchObject({ localizations: { 'en-US': { availability: 'backorder' } }, prices: { USD: { amount: '7.50' } }, ageGroup: 'newborn', sizes: ['XL'] });
    // No offset: read as UTC.
    expect(await getProduct(t, 'v4')).toMatchObject({ prices: { EUR: { amount: '9.99', sale: { amount: '5.00', start: '2024-06-10T10:00:00.000Z', end: '2024-06-11T10:00:00.000Z' } } } });
  });

  it('survives a messy export: BOM, CRLF, `;` separators with decimal commas, g: and upper-case headers, missing columns, quoted newlines, blank lines, duplicate ids', async () => {
    const t = await createTenant();
    const text = [
      'G:ID;Title;Description;Price;Availability;Brand', // line 1
      'm1;Plain;Short;12,50 EUR;in_stock;Acme', // 2
      'm2;"Semi;colon";"Line one', // 3
      'line two', // 4
      'line ""three""";3,00 EUR;out_of_stock', // 5 (Brand missing: short row)
      '', // 6 blank
      'm3;Short row', // 7: only two columns
      'm1;Again;Dup;1,00 EUR;in stock;Acme', // 8: the same id again
      'm4;Bad;;1,2,3 EUR;in stock;Acme', // 9: not a price
      'm5;Last;No newline at the end;0,99 EUR;preorder;Acme', // 10
    ].join('\r\n');
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text));
    const { imp, errors } = await runImport(t, bytes, CSV);
    expect(imp).toMatchObject({ status: 'partial', rows: { total: 6, done: 4, failed: 2 } });
    // All ASCII after the BOM: UTF-8, or not yet decided (ASCII reads the same either way).
    expect([null, 'utf-8']).toContain(imp.encoding);
    expect(errors).toEqual([
      expect.objectContaining({ index: 3, itemId: 'm1', line: 8, code: 'duplicate_id' }),
      expect.objectContaining({ index: 4, itemId: 'm4', line: 9 }),
    ]);
    // The BOM is not part of the first column's name, and `g:` and case do not matter.
    expect(await getProduct(t, 'm1')).toMatchObject({ title: 'Plain', description: 'Short', brand: 'Acme', prices: { EUR: { amount: '12.50' } }, localizations: { 'en-US': { availability: 'in stock' } } });
    const m2 = await getProduct(t, 'm2');
    expect(m2).toMatchObject({ title: 'Semi;colon', description: 'Line one\r\nline two\r\nline "three"', prices: { EUR: { amount: '3.00' } } });
    expect(m2.brand).toBeUndefined();
    expect(await getProduct(t, 'm3')).toMatchObject({ title: 'Short row' });
    expect(await getProduct(t, 'm5')).toMatchObject({ title: 'Last', prices: { EUR: { amount: '0.99' } }, localizations: { 'en-US': { availability: 'preorder' } } });
    expect(await productIds(t.id)).toEqual(['m1', 'm2', 'm3', 'm5']);
  });

  it('reads Latin-1 (Windows-1252) bytes: 0xE9 is é', async () => {
    const t = await createTenant();
    const bytes = latin1('id;title;description;price\nl1;Café;Crème brûlée, 100 g;3,50 EUR\nl2;Señor;Ação;1,00 EUR\nl3;Bad;;x\n');
    expect(bytes[bytes.indexOf(0x43) + 3]).toBe(0xe9); // "Caf" then the single byte 0xE9
    const { imp, errors } = await runImport(t, bytes, 'text/csv; charset=iso-8859-1');
    expect(imp).toMatchObject({ status: 'partial', rows: { total: 3, done: 2, failed: 1 } });
    expect(imp.encoding).toMatch(/^(windows-1252|iso-8859-1|latin1)$/);
    expect(errors).toEqual([expect.objectContaining({ itemId: 'l3', line: 4 })]);
    expect(await getProduct(t, 'l1')).toMatchObject({ title: 'Café', description: 'Crème brûlée, 100 g', prices: { EUR: { amount: '3.50' } } });
    expect(await getProduct(t, 'l2')).toMatchObject({ title: 'Señor', description: 'Ação' });
  });

  it('a quote that never closes in the last record ends the import with that record reported on its line (it does not spin)', async () => {
    const t = await createTenant();
    const csv = 'id,title,price\na,Alpha,1.00 USD\nb,"Unclosed,2.00 USD\nc,Gamma,3.00 USD\n';
    const { imp, errors } = await runImport(t, csv, CSV, { timeoutMs: 8_000 });
    expect(['partial', 'failed']).toContain(imp.status);
    expect(errors.some((e) => e.line === 3) || /\bline 3\b/.test(imp.note ?? '')).toBe(true);
    expect(await productIds(t.id)).toContain('a');
  }, 30_000);

  it('fails a row with no id, and a file with only a header completes with no rows', async () => {
    const t = await createTenant();
    const { imp, errors } = await runImport(t, 'title,price\nNo id,1.00 USD\n', CSV);
    expect(imp).toMatchObject({ status: 'failed', rows: { total: 1, done: 0, failed: 1 } });
    expect(errors).toEqual([expect.objectContaining({ itemId: null, line: 2, errors: [expect.objectContaining({ path: expect.stringMatching(/id/) })] })]);
    const empty = await runImport(t, 'id,title,price\n', CSV);
    expect(empty.imp).toMatchObject({ status: 'completed', rows: { total: 0, done: 0, failed: 0 } });
  });
});

describe('Google Merchant TSV', () => {
  it('maps the sample feed (out_of_stock, empty trailing cells)', async () => {
    const t = await createTenant();
    const { imp, errors } = await runImport(t, sampleTsv, TSV);
    expect(errors).toEqual([]);
    expect(imp).toMatchObject({ status: 'completed', format: 'tsv', rows: { total: 2, done: 2 } });
    const blue = await getProduct(t, 'mug-blue');
    expect(blue).toMatchObject({ title: 'Blue Mug', brand: 'Acme', gender: 'unisex', prices: { USD: { amount: '12.50' } }, localizations: { 'en-US': { availability: 'in stock' } } });
    expect(imageUrls(blue)).toEqual(['https://shop.example/img/mug.jpg']);
    const red = await getProduct(t, 'mug-red');
    expect(red).toMatchObject({ localizations: { 'en-US': { availability: 'out of stock' } } });
    expect(red.images ?? []).toEqual([]);
  });

  it('keeps commas and semicolons inside TSV cells and numbers lines past a quoted newline', async () => {
    const t = await createTenant();
    const tsv = 'id\ttitle\tdescription\tprice\nt1\tA, B; C\t"two\nlines"\t1.00 USD\nt2\tBad\t\t-1 USD\n';
    const { imp, errors } = await runImport(t, tsv, TSV);
    expect(imp).toMatchObject({ rows: { total: 2, done: 1, failed: 1 } });
    expect(errors).toEqual([expect.objectContaining({ itemId: 't2', line: 4 })]);
    expect(await getProduct(t, 't1')).toMatchObject({ title: 'A, B; C', description: 'two\nlines' });
  });
});

describe('Google Merchant XML (RSS 2.0, g: namespace)', () => {
  it('maps the sample feed: entities, CDATA, repeated additional_image_link', async () => {
    const t = await createTenant();
    const { imp, errors } = await runImport(t, sampleXml, XML);
    expect(errors).toEqual([]);
    expect(imp).toMatchObject({ status: 'completed', format: 'xml', rows: { total: 1, done: 1 } });
    const cap = await getProduct(t, 'cap-black');
    expect(cap).toMatchObject({
      title: 'Black Cap & Visor',
      description: 'A cap. <b>Black</b>.',
      brand: 'Acme',
      gender: 'unisex',
      ageGroup: 'adult',
      prices: { EUR: { amount: '15.00' } },
      localizations: { 'en-US': { availability: 'in stock', link: 'https://shop.example/p/cap' } },
    });
    expect(imageUrls(cap)).toEqual(['https://shop.example/img/cap.jpg', 'https://shop.example/img/cap-side.jpg', 'https://shop.example/img/cap-back.jpg']);
  });

  it('maps every field, takes plain <title>/<link>/<description>, and reports a bad item on the line where <item> starts', async () => {
    const t = await createTenant();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
<channel>
<title>Shop</title>
<item>
  <g:id>x1</g:id>
  <title>Plain &lt;title&gt; &#233;t&#xE9;</title>
  <link>https://shop.example/x1</link>
  <description>Desc</description>
  <g:availability>out of stock</g:availability>
  <g:price>25.00 USD</g:price>
  <g:sale_price>19.99 USD</g:sale_price>
  <g:sale_price_effective_date>2024-06-10T00:00:00-0300/2024-06-20T23:59:59-03:00</g:sale_price_effective_date>
  <g:gtin>00012345678905</g:gtin>
  <g:mpn>MPN-1</g:mpn>
  <g:item_group_id>grp</g:item_group_id>
  <g:color>Blue</g:color>
  <g:size>M</g:size>
  <g:size_system>EU</g:size_system>
  <g:product_type>A &gt; B</g:product_type>
  <g:google_product_category>Apparel &amp; Accessories</g:google_product_category>
  <g:shipping><g:country>US</g:country><g:price>5.00 USD</g:price></g:shipping>
</item>
<item>
  <g:id>x2</g:id>
  <g:title>Broken</g:title>
  <g:price>abc</g:price>
</item>
<item><g:id>x3</g:id><g:title>One line</g:title><g:availability>in_stock</g:availability></item>
</channel>
</rss>
`;
    const { imp, errors } = await runImport(t, xml, 'application/rss+xml');
    expect(imp).toMatchObject({ status: 'partial', rows: { total: 3, done: 2, failed: 1 } });
    expect(errors).toEqual([expect.objectContaining({ index: 1, itemId: 'x2', line: 24 })]);
    const x1 = await getProduct(t, 'x1');
    expect(x1).toMatchObject({
      title: 'Plain <title> été',
      description: 'Desc',
      gtin: '00012345678905',
      itemGroupId: 'grp',
      color: 'Blue',
      sizes: ['M'],
      sizeSystem: 'EU',
      productType: 'A > B',
      categories: ['Apparel & Accessories'],
      localizations: { 'en-US': { availability: 'out of stock', link: 'https://shop.example/x1' } },
      prices: { USD: { amount: '25.00', sale: { amount: '19.99', start: '2024-06-10T03:00:00.000Z', end: '2024-06-21T02:59:59.000Z' } } },
    });
    expect(x1.attributes).toEqual([expect.objectContaining({ name: 'mpn', value: 'MPN-1' })]);
    expect(await getProduct(t, 'x3')).toMatchObject({ title: 'One line', localizations: { 'en-US': { availability: 'in stock' } } });
  });

  it('a feed cut off inside its last <item> does not end completed as if nothing were missing', async () => {
    const t = await createTenant();
    const xml = '<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n<item><g:id>whole</g:id><g:title>Whole</g:title></item>\n<item>\n<g:id>cut</g:id>\n<g:title>Cut of';
    const { imp, errors } = await runImport(t, xml, XML);
    expect(await productIds(t.id)).toEqual(['whole']);
    expect(imp.status).not.toBe('completed');
    expect(errors.some((e) => e.line === 4) || /\bline 4\b/.test(imp.note ?? '')).toBe(true);
  });

  it('reads a Latin-1 XML feed', async () => {
    const t = await createTenant();
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n<item><g:id>lx</g:id><g:title>Café</g:title></item>\n</channel></rss>\n');
    const { imp } = await runImport(t, bytes, XML);
    expect(imp).toMatchObject({ status: 'completed', rows: { total: 1, done: 1 } });
    expect((await getProduct(t, 'lx')).title).toBe('Café');
  });
});

describe('canonical JSONL', () => {
  it('imports the sample feed as canonical products', async () => {
    const t = await createTenant();
    const { imp, errors } = await runImport(t, sampleJsonl, JSONL);
    expect(errors).toEqual([]);
    expect(imp).toMatchObject({ status: 'completed', format: 'jsonl', rows: { total: 2, done: 2 } });
    expect(await getProduct(t, 'sock-1')).toMatchObject({ title: 'Wool Socks', sizes: ['S', 'M', 'L'], prices: { USD: { amount: '9.90' } } });
    expect(await getProduct(t, 'sock-2')).toMatchObject({ prices: { USD: { amount: '7.50', sale: { amount: '5.00', start: '2024-06-10T00:00:00.000Z', end: '2024-06-20T23:59:59.000Z' } } } });
  });

  it('reports bad JSON, non-objects, invalid products and duplicates on their lines; blank lines and CRLF are fine; a BOM is skipped', async () => {
    const t = await createTenant();
    const lines = [
      JSON.stringify({ id: 'j1', title: 'Uno', prices: { USD: { amount: 1.1 } } }), // 1
      '{"id": "j2", "title": ', // 2: cut short
      '', // 3
      '[1, 2]', // 4
      JSON.stringify({ id: 'j3', gtin: '00012345678900' }), // 5: bad check digit
      JSON.stringify({ id: 'j4', title: 'Quatro', unknownField: true }), // 6: /v1 is strict
      JSON.stringify({ id: 'j1', title: 'Uno again' }), // 7: duplicate
      JSON.stringify({ id: 'j5', title: 'Cinco', localizations: { 'pt-BR': { title: 'Cinco', availability: 'in stock' } } }), // 8 (no newline)
    ];
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(lines.join('\r\n')));
    const { imp, errors } = await runImport(t, bytes, 'application/jsonl');
    expect(imp).toMatchObject({ status: 'partial', rows: { total: 7, done: 2, failed: 5 } });
    expect(errors.map((e) => [e.index, e.itemId, e.line])).toEqual([
      [1, null, 2],
      [2, null, 4],
      [3, 'j3', 5],
      [4, 'j4', 6],
      [5, 'j1', 7],
    ]);
    expect(errors[2]!.errors.map((e) => e.path)).toContain('/gtin');
    expect(errors[4]!.code).toBe('duplicate_id');
    expect(await getProduct(t, 'j1')).toMatchObject({ title: 'Uno', version: 1, prices: { USD: { amount: '1.10' } } });
    expect(await getProduct(t, 'j5')).toMatchObject({ localizations: { 'pt-BR': { title: 'Cinco', availability: 'in stock' } } });
    expect(await productIds(t.id)).toEqual(['j1', 'j5']);
  });

  it('a second import of the same file updates nothing (versions stay, the job counts them unchanged)', async () => {
    const t = await createTenant();
    const feed = [1, 2, 3].map((i) => JSON.stringify({ id: `r${i}`, title: `R${i}` })).join('\n');
    const first = await runImport(t, feed, JSONL);
    expect(first.job.counts).toMatchObject({ created: 3, updated: 0 });
    const second = await runImport(t, feed, JSONL);
    expect(second.job).toMatchObject({ status: 'completed', counts: { total: 3, succeeded: 3, created: 0, updated: 0, unchanged: 3 } });
    expect((await getProduct(t, 'r2')).version).toBe(1);
  });
});
