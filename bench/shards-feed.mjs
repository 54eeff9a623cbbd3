/**
 * Generated data for bench/shards.mjs: products for batch writes and PUTs (a revision in the title so
 * every write changes the product), and Google Merchant TSV feeds for imports (no image_link: images
 * would add ingest work that is not the import's).
 */
const BRANDS = ['Northwind', 'Acme Apparel', 'Lumen', 'Fjordline', 'Harbor', 'Kestrel', 'Marlow', 'Quill'];
const NOUNS = ['Shirt', 'Hoodie', 'Polo', 'Sweater', 'Jacket', 'Chino', 'Dress', 'Parka', 'Beanie', 'Scarf'];
const TYPES = ['APPAREL > TOPS', 'APPAREL > BOTTOMS', 'APPAREL > OUTERWEAR', 'ACCESSORIES > HATS'];
const COLORS = ['Black', 'White', 'Navy', 'Red', 'Olive', 'Beige', 'Grey'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL'];

/** Product `i` of a tenant at `revision` (a canonical /v1 document, ~400 bytes of JSON). */
export function product(i, revision) {
  return {
    id: `p-${i}`,
    title: `${NOUNS[i % NOUNS.length]} ${BRANDS[(i >> 3) % BRANDS.length]} ${i} rev ${revision}`,
    brand: BRANDS[i % BRANDS.length],
    itemGroupId: `g${Math.floor(i / 5)}`,
    productType: TYPES[i % TYPES.length],
    color: COLORS[i % COLORS.length],
    sizes: [SIZES[i % SIZES.length]],
    active: true,
    prices: { USD: { amount: `${10 + (i % 90)}.${String(revision % 100).padStart(2, '0')}` } },
  };
}

const FEED_COLUMNS = ['id', 'title', 'description', 'link', 'availability', 'price', 'brand', 'item_group_id', 'size', 'color', 'product_type'];

/** A Merchant TSV feed of `rows` rows with ids `<prefix>-<n>`. */
export function merchantFeed(prefix, rows) {
  const lines = [FEED_COLUMNS.join('\t')];
  for (let i = 0; i < rows; i++) {
    const group = Math.floor(i / 5);
    const values = {
      id: `${prefix}-${i}`,
      title: `${COLORS[group % COLORS.length]} ${NOUNS[group % NOUNS.length]} ${group} size ${SIZES[i % 5]}`,
      description: `Soft ${NOUNS[group % NOUNS.length].toLowerCase()} in ${COLORS[group % COLORS.length].toLowerCase()}, everyday fit.`,
      link: `https://shop.example/p/${group}?size=${SIZES[i % 5]}`,
      availability: 'in stock',
      price: `${10 + (group % 90)}.${String(i % 100).padStart(2, '0')} USD`,
      brand: BRANDS[group % BRANDS.length],
      item_group_id: `grp-${group}`,
      size: SIZES[i % 5],
      color: COLORS[group % COLORS.length],
      product_type: 'Apparel > Tops > T-Shirts',
    };
    lines.push(FEED_COLUMNS.map((c) => values[c]).join('\t'));
  }
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
