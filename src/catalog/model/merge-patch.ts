/**
 * JSON Merge Patch (RFC 7396): objects merge recursively, `null` removes a member, anything else
 * (arrays included) replaces. Pure.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete base[key];
    // defineProperty, not assignment: a "__proto__" member (JSON.parse makes it an own key) must stay
    // a plain member, not replace the result's prototype.
    else Object.defineProperty(base, key, { value: applyMergePatch(base[key], value), enumerable: true, writable: true, configurable: true });
  }
  return base;
}
