/** The singular of an English resource name, as Rails, Laravel and Phoenix derive route parameters (`photos` → `photo`). */
export function singularNoun(plural: string): string {
  if (/ies$/.test(plural)) return plural.replace(/ies$/, 'y');
  if (/(ss|sh|ch|x|z)es$/.test(plural)) return plural.replace(/es$/, '');
  if (/people$/.test(plural)) return plural.replace(/people$/, 'person');
  if (/[^s]s$/.test(plural)) return plural.slice(0, -1);
  return plural;
}

/** The plural of an English resource name, as Rails names a singular resource's controller (`profile` → `profiles`). */
export function pluralNoun(singular: string): string {
  // `resource :settings` already names its plural.
  if (/[^su]s$/.test(singular) || /people$/.test(singular)) return singular;
  if (/[^aeiou]y$/.test(singular)) return singular.replace(/y$/, 'ies');
  if (/(s|sh|ch|x|z)$/.test(singular)) return `${singular}es`;
  if (/person$/.test(singular)) return singular.replace(/person$/, 'people');
  return `${singular}s`;
}
