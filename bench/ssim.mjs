/**
 * SSIM (Wang et al. 2004) on luma (BT.601: 0.299 R + 0.587 G + 0.114 B) of two RGBA images of the
 * same size: 8x8 windows every 4 pixels, C1 = (0.01 x 255)^2, C2 = (0.03 x 255)^2, mean over the
 * windows. 1 = identical. Plain JS on decoded pixels, so the bench needs no native image library.
 */
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

function luma(rgba, width, height) {
  const y = new Float64Array(width * height);
  for (let i = 0, p = 0; p < y.length; i += 4, p++) y[p] = 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
  return y;
}

export function ssim(a, b, width, height, window = 8, step = 4) {
  if (a.length !== width * height * 4 || b.length !== a.length) throw new Error(`ssim: expected two ${width}x${height} RGBA images`);
  const x = luma(a, width, height);
  const y = luma(b, width, height);
  const n = window * window;
  let total = 0;
  let windows = 0;
  for (let top = 0; top + window <= height; top += step) {
    for (let left = 0; left + window <= width; left += step) {
      let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
      for (let r = top; r < top + window; r++) {
        for (let c = left, i = r * width + left; c < left + window; c++, i++) {
          const u = x[i];
          const v = y[i];
          sx += u; sy += v; sxx += u * u; syy += v * v; sxy += u * v;
        }
      }
      const mx = sx / n;
      const my = sy / n;
      const vx = sxx / n - mx * mx;
      const vy = syy / n - my * my;
      const cov = sxy / n - mx * my;
      total += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
      windows++;
    }
  }
  return windows === 0 ? 1 : total / windows;
}
