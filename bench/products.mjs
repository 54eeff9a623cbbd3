/**
 * The bench's products: deterministic (seeded by index), ~1.2 KB of JSON each, shaped like a real
 * apparel feed: id, title, ~300-character description, brand, gender, sizes, 2 localizations,
 * 2 currencies (USD with a dated sale), 5 attribute rows, 2 images with https URLs and no ids (so
 * the service derives image ids by hashing their sources, as it does for most clients).
 */

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'soft breathable cotton jersey relaxed fit everyday wear durable stitching classic crew neck ' +
  'lightweight fabric machine washable tailored cut modern silhouette organic fibres ribbed cuffs ' +
  'reinforced seams brushed interior warm layer sustainable dye colourfast finish premium knit'
).split(' ');
const ADJECTIVES = ['Classic', 'Essential', 'Relaxed', 'Slim', 'Heritage', 'Urban', 'Vintage', 'Everyday'];
const NOUNS = ['T-Shirt', 'Hoodie', 'Polo', 'Sweater', 'Jacket', 'Chino', 'Dress', 'Shirt'];
const COLORS = ['White', 'Black', 'Navy', 'Olive', 'Grey', 'Sand', 'Burgundy', 'Sky Blue'];
const BRANDS = ['Northwind', 'Acme Apparel', 'Sizebay Basics', 'Lumen', 'Fjordline'];
const GENDERS = ['male', 'female', 'unisex'];

export function productId(prefix, i) {
  return `${prefix}-${String(i).padStart(6, '0')}`;
}

/** Product `i` of a series; `revision` > 1 changes its title and its prices (so a write bumps the version). */
export function makeProduct(prefix, i, revision) {
  const r = rng(i * 7919 + prefix.length);
  const pick = (list) => list[Math.floor(r() * list.length)];
  let description = '';
  while (description.length < 300) description += `${description ? ' ' : ''}${pick(WORDS)}`;
  const title = `${pick(ADJECTIVES)} ${pick(COLORS)} ${pick(NOUNS)} ${i}${revision > 1 ? ` rev ${revision}` : ''}`;
  const cents = 1500 + Math.floor(r() * 8000) + (revision - 1) * 100;
  const money = (minor) => `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
  const id = productId(prefix, i);
  return {
    id,
    title,
    description: description.slice(0, 300),
    brand: pick(BRANDS),
    gender: pick(GENDERS),
    color: pick(COLORS),
    sizes: ['XS', 'S', 'M', 'L', 'XL'],
    localizations: {
      'en-US': { title, link: `https://shop.example/us/p/${id}` },
      'pt-BR': { title: `Camiseta ${i}`, link: `https://shop.example/br/p/${id}` },
    },
    prices: {
      USD: { amount: money(cents), sale: { amount: money(cents - 300), start: '2026-06-10T00:00:00Z', end: '2026-06-20T23:59:59Z' } },
      EUR: { amount: money(cents - 150) },
    },
    attributes: [
      { name: 'Width', value: String(40 + (i % 20)), unit: 'cm' },
      { name: 'Length', value: String(60 + (i % 25)), unit: 'cm' },
      { name: 'Fabric', value: '100% cotton' },
      { name: 'Weight', value: '180', unit: 'g/m2' },
      { name: 'Care', value: 'Machine wash 30 C' },
    ],
    images: [
      { source: { url: `https://cdn.shop.example/i/${id}/front.jpg` }, pipelines: { tryOn: true } },
      { source: { url: `https://cdn.shop.example/i/${id}/back.jpg` } },
    ],
  };
}

/** Products [0, count) of a series in requests of `size`. */
export function makeBatches(prefix, count, revision, size) {
  const batches = [];
  for (let start = 0; start < count; start += size) {
    const products = [];
    for (let i = start; i < Math.min(count, start + size); i++) products.push(makeProduct(prefix, i, revision));
    batches.push(products);
  }
  return batches;
}
