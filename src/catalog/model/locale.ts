/** BCP 47 language tags, checked and canonicalized by the runtime's ICU ("pt-br" -> "pt-BR"). */
export function canonicalLocale(tag: string): string | null {
  if (tag.length === 0 || tag.length > 35) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}
