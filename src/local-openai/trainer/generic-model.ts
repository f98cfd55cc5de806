/**
 * Answers to prompts that are neither card identification nor listings: the answer of the most
 * similar training prompt (word overlap), when one is similar enough.
 */

export interface GenericModelState {
  examples: Array<{ words: string[]; answer: string }>;
}

const MAX_EXAMPLES = 2_000;

export const promptWords = (text: string) => [...new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])];

export function buildGenericModel(examples: ReadonlyArray<{ prompt: string; answer: string }>): GenericModelState {
  return { examples: examples.slice(0, MAX_EXAMPLES).map((e) => ({ words: promptWords(e.prompt), answer: e.answer })) };
}

export class GenericResponder {
  private readonly sets: Array<{ words: Set<string>; answer: string }>;

  constructor(state: GenericModelState) {
    this.sets = state.examples.map((e) => ({ words: new Set(e.words), answer: e.answer }));
  }

  /** The nearest example's answer, with its Jaccard similarity; undefined when there are none. */
  nearest(prompt: string, exclude?: string): { answer: string; similarity: number } | undefined {
    const words = promptWords(prompt);
    let best: { answer: string; similarity: number } | undefined;
    for (const e of this.sets) {
      let shared = 0;
      for (const w of words) if (e.words.has(w)) shared++;
      const union = words.length + e.words.size - shared;
      const similarity = union ? shared / union : 0;
      if (exclude !== undefined && similarity === 1 && e.answer === exclude) continue;
      if (!best || similarity > best.similarity) best = { answer: e.answer, similarity };
    }
    return best;
  }

  answer(prompt: string): string | undefined {
    const hit = this.nearest(prompt);
    return hit && hit.similarity >= 0.5 ? hit.answer : undefined;
  }
}
