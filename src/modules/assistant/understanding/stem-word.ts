// Longest first, so "destapacion" loses "acion" rather than "n".
const SUFFIXES = [
  "aciones", "amientos", "amiento", "acion", "iendo", "ando", "arlo", "arla", "erlo", "irlo",
  "adas", "ados", "idas", "idos", "ada", "ado", "ida", "ido", "ion", "ar", "er", "ir", "an", "en", "es", "as", "os", "a", "o", "e", "s",
];

// A light Spanish stemmer, good enough to make "destapar", "destaparlo" and "destapación" meet, or "splits" and
// "split". Stems keep at least three letters so short words ("luz", "gas") stay whole.
export function stemWord(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length);
  }
  return word;
}
