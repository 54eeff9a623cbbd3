/**
 * The text the title search indexes for a product (`products.search_text`, read by the FTS triggers
 * of migrations 0009/0013): the title, a space, then the localized titles in the order the stored
 * canonical JSON lists their locales, separated by spaces. The same text the triggers derive from
 * `data` when the column is NULL, computed here where the document is already an object (in the
 * triggers it cost a JSON parse or two per row: bench/floor-ladder.mjs, rung fts-json).
 */
import type { ProductDoc } from '../model/product-doc';

export function searchText(doc: ProductDoc): string {
  const localizations = doc.localizations ?? {};
  const titles: string[] = [];
  // Canonical JSON orders keys by code unit, as Array.prototype.sort does by default.
  for (const locale of Object.keys(localizations).sort()) {
    const title = localizations[locale]?.title;
    if (typeof title === 'string') titles.push(title);
  }
  return `${doc.title ?? ''} ${titles.join(' ')}`;
}
