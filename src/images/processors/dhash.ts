/**
 * Difference hash: shrink to 9x8 grey, compare each pixel with its right neighbour -> 64 bits.
 * Near-identical pictures (re-encoded, resized, lightly edited) differ in a few bits. Stored as 16 hex
 * digits plus four 16-bit bands: two hashes within Hamming distance 6 share at least one band
 * exactly (pigeonhole over 4 bands), so candidates come from four indexed equality lookups.
 */
export function dhashFromRgba(rgba: Uint8Array, width = 9, height = 8): string {
  let bits = '';
  const grey = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width - 1; x++) bits += grey(x, y) < grey(x + 1, y) ? '1' : '0';
  }
  let hex = '';
  for (let i = 0; i < 64; i += 4) hex += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return hex;
}

export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
}
