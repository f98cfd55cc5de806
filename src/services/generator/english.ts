/** "a" or "an" before a phrase, by how it is spoken: an orange jersey, an SGC slab, an 8, a one-touch. */
export function withArticle(phrase: string): string {
  return `${startsWithVowelSound(phrase) ? 'an' : 'a'} ${phrase}`;
}

const VOWEL_LETTER_NAMES = 'AEFHILMNORSX';

function startsWithVowelSound(phrase: string): boolean {
  const c = phrase.charCodeAt(0);
  // Fast path for the common case: a year or a lower-case word with a consonant start.
  if (c >= 48 && c <= 57 && c !== 56 && !phrase.startsWith('1')) return false;
  if (c >= 97 && c <= 122 && !'aeiouh'.includes(phrase[0]!)) return false;
  const word = /^[^\s]*/.exec(phrase)![0];
  if (/^(8|11|18)(\D|$)|^8\d/.test(word)) return true;
  // Initialisms and letter prefixes are spelt out: SGC, RC, X-Fractor, O-Pee-Chee.
  if (/^[A-Z]{2,4}\b/.test(word) || /^[A-Z]-/.test(word)) return VOWEL_LETTER_NAMES.includes(word[0]!);
  if (/^(one|once|uni|use|usu|eu|ur)/i.test(word)) return false;
  if (/^(hour|honest|honou?r)/i.test(word)) return true;
  return /^[aeiou]/i.test(word);
}
