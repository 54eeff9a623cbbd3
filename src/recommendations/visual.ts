/**
 * A small visual signature of a product's primary image, computed from its 256 px derivative's RGBA
 * pixels (at most 256x256x4 = 256 KB, far inside the image budget): the garment is separated from the
 * background (the border's mean colour), then
 * - `hist`: a coarse HSV histogram of the foreground, 12 hues for coloured pixels + 3 grey levels,
 *   as per-mille shares (colour and palette);
 * - `shape`: the foreground's occupancy on an 8x8 grid over its bounding box, 0-15 (silhouette,
 *   independent of position and scale);
 * - `edges`: the share of foreground pixels whose neighbour differs sharply, per mille (pattern:
 *   stripes and checks are high, plain fabric low).
 * Pure: pixels in, numbers out.
 */
export interface VisualSignature {
  hist: number[];
  shape: number[];
  edges: number;
}

export const HIST_BINS = 15;
const GRID = 8;

function hsvBin(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const v = max / 255;
  const s = max === 0 ? 0 : (max - min) / max;
  if (s < 0.25 || v < 0.2) return 12 + (v < 0.3 ? 0 : v < 0.75 ? 1 : 2);
  let h: number;
  const d = max - min;
  if (max === r) h = ((g - b) / d + 6) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return Math.min(11, Math.floor((h / 6) * 12));
}

export function visualSignature(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): VisualSignature | null {
  if (width < 2 || height < 2 || rgba.length < width * height * 4) return null;
  const px = (x: number, y: number) => (y * width + x) * 4;
  // Background: the mean of the border pixels.
  let br = 0;
  let bg = 0;
  let bb = 0;
  let n = 0;
  const addBorder = (x: number, y: number) => {
    const i = px(x, y);
    br += rgba[i]!;
    bg += rgba[i + 1]!;
    bb += rgba[i + 2]!;
    n++;
  };
  for (let x = 0; x < width; x++) {
    addBorder(x, 0);
    addBorder(x, height - 1);
  }
  for (let y = 1; y < height - 1; y++) {
    addBorder(0, y);
    addBorder(width - 1, y);
  }
  br /= n;
  bg /= n;
  bb /= n;
  const mask = new Uint8Array(width * height);
  let count = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = px(x, y);
      const alpha = rgba[i + 3]!;
      const dist = Math.abs(rgba[i]! - br) + Math.abs(rgba[i + 1]! - bg) + Math.abs(rgba[i + 2]! - bb);
      if (alpha > 127 && dist > 60) {
        mask[y * width + x] = 1;
        count++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  // Under 2% foreground (a photo without a plain background): the whole frame is the subject.
  if (count < width * height * 0.02) {
    mask.fill(1);
    count = width * height;
    minX = 0;
    minY = 0;
    maxX = width - 1;
    maxY = height - 1;
  }
  const hist = new Array<number>(HIST_BINS).fill(0);
  const cells = new Array<number>(GRID * GRID).fill(0);
  const cellArea = new Array<number>(GRID * GRID).fill(0);
  let edges = 0;
  const boxW = maxX - minX + 1;
  const boxH = maxY - minY + 1;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const cell = Math.min(GRID - 1, Math.floor(((y - minY) / boxH) * GRID)) * GRID + Math.min(GRID - 1, Math.floor(((x - minX) / boxW) * GRID));
      cellArea[cell]!++;
      if (!mask[y * width + x]) continue;
      cells[cell]!++;
      const i = px(x, y);
      hist[hsvBin(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!)]!++;
      if (x + 1 <= maxX && mask[y * width + x + 1]) {
        const j = px(x + 1, y);
        if (Math.abs(rgba[i]! - rgba[j]!) + Math.abs(rgba[i + 1]! - rgba[j + 1]!) + Math.abs(rgba[i + 2]! - rgba[j + 2]!) > 90) edges++;
      }
      if (y + 1 <= maxY && mask[(y + 1) * width + x]) {
        const j = px(x, y + 1);
        if (Math.abs(rgba[i]! - rgba[j]!) + Math.abs(rgba[i + 1]! - rgba[j + 1]!) + Math.abs(rgba[i + 2]! - rgba[j + 2]!) > 90) edges++;
      }
    }
  }
  return {
    hist: hist.map((h) => Math.round((h / count) * 1000)),
    shape: cells.map((c, i) => Math.round((c / Math.max(1, cellArea[i]!)) * 15)),
    edges: Math.min(1000, Math.round((edges / count) * 1000)),
  };
}

/** Histogram intersection, 0-1. */
export function paletteSimilarity(a: VisualSignature, b: VisualSignature): number {
  let sum = 0;
  for (let i = 0; i < HIST_BINS; i++) sum += Math.min(a.hist[i] ?? 0, b.hist[i] ?? 0);
  return sum / 1000;
}

export function shapeSimilarity(a: VisualSignature, b: VisualSignature): number {
  let diff = 0;
  for (let i = 0; i < GRID * GRID; i++) diff += Math.abs((a.shape[i] ?? 0) - (b.shape[i] ?? 0));
  return 1 - diff / (15 * GRID * GRID);
}

/** Pattern likeness from the edge shares: equal = 1, 0.25 apart or more = 0. */
export function patternSimilarity(a: VisualSignature, b: VisualSignature): number {
  return Math.max(0, 1 - Math.abs(a.edges - b.edges) / 250);
}

/** The dominant hue bin (0-14): an index key grouping products by main colour. */
export function dominantBin(v: VisualSignature): number {
  let best = 0;
  for (let i = 1; i < HIST_BINS; i++) if ((v.hist[i] ?? 0) > (v.hist[best] ?? 0)) best = i;
  return best;
}
