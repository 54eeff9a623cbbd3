/**
 * How deep a JSON text nests, found without parsing it: JSON.parse and the validators after it
 * recurse per level, so a row of 5,000 levels in ~30 KB would cost a chunk its stack (or its whole
 * invocation) instead of being one row error. Pure and linear; strings (with their escapes) are
 * skipped, so brackets inside them do not count.
 */
export const MAX_JSON_DEPTH = 64;

/** True when `text` opens more than `max` objects/arrays inside one another (e.g. 65 for max 64). */
export function jsonNestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
  return false;
}
