/** The singular of an English resource name, as Rails, Laravel and Phoenix derive route parameters (`photos` → `photo`). */
export function singularNoun(plural: string): string {
  if (/ies$/.test(plural)) return plural.replace(/ies$/, 'y');
  if (/(ss|sh|ch|x|z)es$/.test(plural)) return plural.replace(/es$/, '');
  if (/people$/.test(plural)) return plural.replace(/people$/, 'person');
  if (/[^s]s$/.test(plural)) return plural.slice(0, -1);
  return plural;
}
