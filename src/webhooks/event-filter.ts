/**
 * Event-type filters: `*` matches everything, `product.*` a whole family (`product.recommendations.ready`
 * included), anything else exactly. One implication: `product.recommendations.ready` completes the
 * processing round a `product.processed` began (for a product that asked for recommendation lists),
 * so a subscription to `product.processed` receives it too; a client waiting for "processing
 * finished" (Sizebay's callback) hears the end of the round it subscribed to. Pure.
 */
export const EVENT_TYPE_PATTERN = /^(\*|[a-z][a-z_]*(\.[a-z][a-z_]*)?\.(\*|[a-z][a-z_]*))$/;

const IMPLIED: Record<string, string> = { 'product.recommendations.ready': 'product.processed' };

export function matchesFilter(patterns: readonly string[], type: string): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
    return pattern === type || IMPLIED[type] === pattern;
  });
}
