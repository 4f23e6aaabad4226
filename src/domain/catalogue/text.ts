/**
 * Normalised keys of names, so that the same material written with other spaces or
 * full-width characters (（）、Ａ、全角空格) is recognised as the same (§8.2.4 bundles,
 * duplicate materials in a guide).
 */

/** NFKC folds full-width forms to half-width; all whitespace goes; Latin letters upper-case. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The key of a material: its name and its issuing body, both normalised. */
export function materialKey(name: string, issuingBody: string | null | undefined): string {
  return `${nameKey(name)}|${nameKey(issuingBody ?? '')}`;
}
