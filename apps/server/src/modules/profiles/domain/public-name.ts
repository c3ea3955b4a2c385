/**
 * A safe public form of a full legal name, to suggest to an officer whose precinct's roster gave it:
 * the first given name and the initial of the family name — "Jane Doe" → "Jane D.", "DOE, JANE MARY" →
 * "Jane D.". A full legal name is never published by default; the officer confirms or changes this.
 * Undefined when the name gives nothing usable.
 */
export function publicFormOf(fullName: string): string | undefined {
  const cleaned = fullName.normalize('NFC').replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\s+/gu, ' ').trim();
  if (cleaned.length === 0) return undefined;
  // "Family, Given Other" is how rosters often write it.
  const [family, given] = cleaned.includes(',') ? cleaned.split(',', 2).map((part) => part.trim()) : [undefined, cleaned];
  const givenWords = (given ?? '').split(' ').filter((w) => /\p{L}/u.test(w));
  const first = givenWords[0];
  if (!first) return undefined;
  const last = family !== undefined ? family.split(' ').filter((w) => /\p{L}/u.test(w))[0] : givenWords.length > 1 ? givenWords.at(-1) : undefined;
  const initial = last ? [...last].find((c) => /\p{L}/u.test(c)) : undefined;
  const name = titleCase(first);
  const suggestion = initial ? `${name} ${initial.toLocaleUpperCase()}.` : name;
  return [...suggestion].length <= 40 ? suggestion : undefined;
}

/** "JANE" and "jane" read "Jane"; "McDonald" and "O'Neil" keep their own capitals. */
function titleCase(word: string): string {
  const letters = [...word];
  const shouting = word === word.toLocaleUpperCase() || word === word.toLocaleLowerCase();
  if (!shouting) return word;
  return letters.map((c, i) => (i === 0 || /[-'’]/u.test(letters[i - 1] ?? '') ? c.toLocaleUpperCase() : c.toLocaleLowerCase())).join('');
}
