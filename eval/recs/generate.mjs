#!/usr/bin/env node
/**
 * Generates the recommendations evaluation catalog: products, their images (small PNGs drawn here, so
 * the licence is the project's own) and the labels (similar sets and complete-the-look sets), from a
 * fixed seed. Run once and committed with its output BEFORE any weight was tuned; re-running it
 * reproduces the same bytes.
 *
 * The hidden truth is a product's "style" (a collection: palette, motif, brands, price band, words).
 * Every channel the recommender sees carries it only partly and with noise: the colours of one style
 * overlap another's, brands are shared between styles, titles mix style words with common ones, and
 * prices spread across bands. Labels:
 * - similar(X): same leaf productType and same style, other families (variants are not "similar").
 * - complete-the-look(X): same style, same gender and age group, a compatible branch
 *   (tops <-> bottoms <-> shoes <-> accessories), never the same leaf.
 * A fixed 30% of the labelled anchors are held out (`split: "test"`), chosen here by the seed.
 *
 * Usage: node eval/recs/generate.mjs   (writes eval/recs/catalog.json, labels.json, images/*.png)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const SIZE = 96;

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261205);
const pick = (list) => list[Math.floor(rand() * list.length)];
const chance = (p) => rand() < p;

// --- the world -------------------------------------------------------------------------------------
const COLORS = {
  black: [25, 25, 28], white: [240, 240, 236], grey: [128, 128, 132], navy: [24, 36, 90], blue: [40, 90, 200],
  red: [200, 30, 40], burgundy: [110, 20, 40], pink: [240, 140, 170], orange: [240, 130, 30], yellow: [240, 210, 40],
  green: [40, 150, 60], olive: [110, 120, 50], beige: [220, 200, 160], brown: [120, 80, 40], teal: [20, 140, 140], purple: [120, 50, 160],
};
const STYLES = [
  { name: 'sport', palette: ['black', 'red', 'white', 'blue'], motif: 'stripes', brands: ['Stride', 'Pulse'], band: 1, words: ['active', 'training', 'performance', 'dry-fit', 'athletic'] },
  { name: 'classic', palette: ['navy', 'white', 'beige', 'grey'], motif: 'solid', brands: ['Harbor', 'Stride'], band: 2, words: ['classic', 'tailored', 'timeless', 'essential', 'crisp'] },
  { name: 'boho', palette: ['orange', 'beige', 'brown', 'olive'], motif: 'dots', brands: ['Wildflower', 'Harbor'], band: 1, words: ['boho', 'embroidered', 'flowing', 'festival', 'fringe'] },
  { name: 'street', palette: ['black', 'yellow', 'grey', 'green'], motif: 'checks', brands: ['Concrete', 'Pulse'], band: 1, words: ['oversized', 'graphic', 'urban', 'street', 'logo'] },
  { name: 'evening', palette: ['burgundy', 'black', 'purple', 'navy'], motif: 'diagonal', brands: ['Velour', 'Harbor'], band: 3, words: ['satin', 'evening', 'elegant', 'velvet', 'party'] },
  { name: 'beach', palette: ['teal', 'yellow', 'pink', 'white'], motif: 'waves', brands: ['Tidal', 'Wildflower'], band: 0, words: ['summer', 'beach', 'linen', 'breezy', 'tropical'] },
];
const COMMON_WORDS = ['new', 'soft', 'cotton', 'comfort', 'regular', 'fit', 'premium', 'basic', 'light', 'everyday', 'season', 'collection'];
const BRANCHES = {
  tops: [['T-SHIRTS', 'tee'], ['BLOUSES', 'blouse'], ['SWEATERS', 'sweater']],
  bottoms: [['JEANS', 'jeans'], ['SKIRTS', 'skirt'], ['SHORTS', 'shorts']],
  shoes: [['SNEAKERS', 'sneakers'], ['BOOTS', 'boots']],
  accessories: [['BAGS', 'bag'], ['HATS', 'hat']],
};
const AUDIENCES = [
  { prefix: 'WOMEN', gender: 'female', ageGroup: 'adult', weight: 0.45 },
  { prefix: 'MEN', gender: 'male', ageGroup: 'adult', weight: 0.4 },
  { prefix: 'KIDS', gender: 'unisex', ageGroup: 'kids', weight: 0.15 },
];
const BAND_PRICES = [[9, 25], [20, 45], [40, 90], [80, 200]];
const SIZES = { tops: ['XS', 'S', 'M', 'L', 'XL'], bottoms: ['36', '38', '40', '42', '44'], shoes: ['37', '38', '39', '40', '41', '42'], accessories: ['U'] };
const PT = { tee: 'camiseta', blouse: 'blusa', sweater: 'suéter', jeans: 'jeans', skirt: 'saia', shorts: 'bermuda', sneakers: 'tênis', boots: 'botas', bag: 'bolsa', hat: 'chapéu' };

// --- images ----------------------------------------------------------------------------------------
/** Silhouette per leaf: is (x, y) in [0,1)^2 inside the garment? */
const SHAPES = {
  'T-SHIRTS': (x, y) => (y > 0.2 && y < 0.9 && x > 0.3 && x < 0.7) || (y > 0.2 && y < 0.4 && x > 0.12 && x < 0.88),
  BLOUSES: (x, y) => y > 0.15 && y < 0.85 && Math.abs(x - 0.5) < 0.15 + (y - 0.15) * 0.25,
  SWEATERS: (x, y) => (y > 0.15 && y < 0.85 && x > 0.25 && x < 0.75) || (y > 0.15 && y < 0.8 && (x > 0.08 && x < 0.92) && (x < 0.22 || x > 0.78)),
  JEANS: (x, y) => y > 0.1 && y < 0.92 && x > 0.28 && x < 0.72 && !(y > 0.35 && x > 0.47 && x < 0.53),
  SKIRTS: (x, y) => y > 0.25 && y < 0.8 && Math.abs(x - 0.5) < 0.12 + (y - 0.25) * 0.45,
  SHORTS: (x, y) => y > 0.3 && y < 0.65 && x > 0.22 && x < 0.78 && !(y > 0.45 && x > 0.46 && x < 0.54),
  SNEAKERS: (x, y) => y > 0.5 && y < 0.75 && x > 0.1 && x < 0.9 && !(y < 0.6 && x > 0.55),
  BOOTS: (x, y) => (y > 0.2 && y < 0.8 && x > 0.3 && x < 0.55) || (y > 0.65 && y < 0.8 && x > 0.3 && x < 0.8),
  BAGS: (x, y) => (y > 0.4 && y < 0.85 && x > 0.2 && x < 0.8) || (y > 0.2 && y < 0.4 && Math.abs(Math.hypot(x - 0.5, y - 0.4) - 0.18) < 0.04),
  HATS: (x, y) => (y > 0.55 && y < 0.65 && x > 0.1 && x < 0.9) || (y > 0.3 && y <= 0.55 && x > 0.3 && x < 0.7),
};
const MOTIFS = {
  solid: () => false,
  stripes: (x, y) => Math.floor(y * 12) % 2 === 0,
  dots: (x, y) => Math.hypot((x * 10) % 1 - 0.5, (y * 10) % 1 - 0.5) < 0.22,
  checks: (x, y) => (Math.floor(x * 8) + Math.floor(y * 8)) % 2 === 0,
  diagonal: (x, y) => Math.floor((x + y) * 8) % 2 === 0,
  waves: (x, y) => Math.abs(((y * 10 + Math.sin(x * 12) * 0.4) % 1) - 0.5) < 0.18,
};
const jitter = (rgb, amount) => rgb.map((v) => Math.max(0, Math.min(255, Math.round(v + (rand() - 0.5) * 2 * amount))));

function drawImage({ leaf, main, accent, motif, background }) {
  const shape = SHAPES[leaf];
  const pattern = MOTIFS[motif];
  const px = new Uint8Array(SIZE * SIZE * 3);
  const dx = (rand() - 0.5) * 0.08;
  const dy = (rand() - 0.5) * 0.08;
  for (let j = 0; j < SIZE; j++) {
    for (let i = 0; i < SIZE; i++) {
      const x = i / SIZE + dx;
      const y = j / SIZE + dy;
      const rgb = shape(x, y) ? (pattern(x, y) ? accent : main) : background;
      px.set(rgb, (j * SIZE + i) * 3);
    }
  }
  return encodePng(px, SIZE, SIZE);
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function encodePng(rgb, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgb.subarray(y * width * 3, (y + 1) * width * 3)).copy(raw, y * (width * 3 + 1) + 1);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// --- products --------------------------------------------------------------------------------------
const products = [];
const truth = new Map(); // id -> {style, leaf, branch, audience, family}
const images = new Map();
let familyNo = 0;

function audience() {
  const r = rand();
  let acc = 0;
  for (const a of AUDIENCES) if (r < (acc += a.weight)) return a;
  return AUDIENCES[0];
}

while (products.length < 330) {
  const style = pick(STYLES);
  const branch = pick(Object.keys(BRANCHES));
  const [leaf, noun] = pick(BRANCHES[branch]);
  const aud = audience();
  const family = `fam${String(++familyNo).padStart(3, '0')}`;
  // A family: 1-3 colour variants of one design (same shape, motif, words, price).
  const variants = 1 + Math.floor(rand() * 3);
  const words = [pick(style.words), chance(0.5) ? pick(style.words) : pick(COMMON_WORDS), pick(COMMON_WORDS)];
  // Off-style noise: 15% of designs borrow another style's brand, 20% a common-word-only title.
  const brand = chance(0.15) ? pick(pick(STYLES).brands) : pick(style.brands);
  const plainTitle = chance(0.2);
  const [lo, hi] = BAND_PRICES[Math.max(0, Math.min(3, style.band + (chance(0.3) ? (chance(0.5) ? 1 : -1) : 0)))];
  const price = (lo + rand() * (hi - lo)).toFixed(2);
  const background = jitter([245, 245, 245], 10);
  const colours = [...style.palette].sort(() => rand() - 0.5);
  for (let v = 0; v < variants && products.length < 330; v++) {
    // 15% of variants come in a colour off the style's palette.
    const colour = chance(0.15) ? pick(Object.keys(COLORS)) : colours[v % colours.length];
    const accentName = style.palette.find((c) => c !== colour) ?? 'white';
    const id = `${family}-${colour}`;
    if (truth.has(id)) continue;
    const title = plainTitle ? `${pick(COMMON_WORDS)} ${noun}` : `${words.join(' ')} ${noun}`;
    const description = `${cap(title)} by ${brand}. ${pick(COMMON_WORDS)} ${pick(COMMON_WORDS)}${chance(0.6) ? `, ${pick(style.words)}` : ''}.`;
    images.set(id, drawImage({ leaf, main: jitter(COLORS[colour], 14), accent: jitter(COLORS[accentName], 14), motif: style.motif, background }));
    products.push({
      id,
      itemGroupId: family,
      title: cap(title),
      description,
      brand,
      productType: `${aud.prefix} > ${branch.toUpperCase()} > ${leaf}`,
      gender: aud.gender,
      ageGroup: aud.ageGroup,
      color: colour,
      sizes: SIZES[branch],
      prices: { USD: { amount: price } },
      localizations: { 'pt-BR': { title: `${PT[noun]} ${words.slice(0, 2).join(' ')}` } },
      images: [{ id: 'main', source: { url: `https://eval.invalid/${id}.png` } }],
    });
    truth.set(id, { style: style.name, leaf, branch, audience: aud.prefix, family });
  }
}

function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- labels ----------------------------------------------------------------------------------------
const similar = {};
const complementary = {};
for (const p of products) {
  const t = truth.get(p.id);
  const sim = products.filter((q) => {
    const u = truth.get(q.id);
    return q.id !== p.id && u.family !== t.family && u.leaf === t.leaf && u.style === t.style && u.audience === t.audience;
  });
  const comp = products.filter((q) => {
    const u = truth.get(q.id);
    return u.style === t.style && u.audience === t.audience && u.branch !== t.branch;
  });
  if (sim.length >= 2) similar[p.id] = sim.map((q) => q.id);
  if (comp.length >= 3) complementary[p.id] = comp.map((q) => q.id);
}
const anchors = [...new Set([...Object.keys(similar), ...Object.keys(complementary)])].sort();
const split = {};
for (const id of anchors) split[id] = rand() < 0.3 ? 'test' : 'tune';

// --- write -----------------------------------------------------------------------------------------
const imageDir = join(here, 'images');
rmSync(imageDir, { recursive: true, force: true });
mkdirSync(imageDir, { recursive: true });
for (const [id, png] of images) writeFileSync(join(imageDir, `${id}.png`), png);
writeFileSync(join(here, 'catalog.json'), `${JSON.stringify(products, null, 1)}\n`);
writeFileSync(join(here, 'labels.json'), `${JSON.stringify({ seed: 20261205, split, similar, complementary }, null, 1)}\n`);
const held = anchors.filter((id) => split[id] === 'test');
console.log(`${products.length} products, ${familyNo} families, ${Object.keys(similar).length} similar anchors, ${Object.keys(complementary).length} complete-the-look anchors, ${held.length} held out`);
