/**
 * Event-type filters: `*` matches everything, `product.*` a whole family, anything else exactly.
 * Pure.
 */
export const EVENT_TYPE_PATTERN = /^(\*|[a-z][a-z_]*\.(\*|[a-z][a-z_]*))$/;

export function matchesFilter(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
    return pattern === type;
  });
}
