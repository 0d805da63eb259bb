/** Upper-case, NFKC, no spaces or brackets: how a country is looked up whatever way a file writes it. */
export function normalizeCountryText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s()（）·.,'’]/g, '')
    .toUpperCase();
}
