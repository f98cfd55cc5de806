import { z } from 'zod';

/**
 * The card vocabulary shared by collection, export, the local model and inference.
 * These zod schemas are the single source: GraphQL enums and inputs are derived from them.
 */

export const SPORTS = ['BASEBALL', 'BASKETBALL', 'FOOTBALL', 'HOCKEY', 'SOCCER', 'OTHER'] as const;
export const Sport = z.enum(SPORTS);
export type Sport = z.infer<typeof Sport>;

export const GRADING_COMPANIES = ['PSA', 'BGS', 'SGC', 'CGC', 'CSG', 'HGA', 'TAG'] as const;
export const GradingCompany = z.enum(GRADING_COMPANIES);
export type GradingCompany = z.infer<typeof GradingCompany>;

export const PLATFORMS = ['EBAY', 'MERCARI', 'FACEBOOK_MARKETPLACE', 'WHATNOT'] as const;
export const Platform = z.enum(PLATFORMS);
export type Platform = z.infer<typeof Platform>;

export const TONES = ['PROFESSIONAL', 'CASUAL', 'ENTHUSIASTIC'] as const;
export const Tone = z.enum(TONES);
export type Tone = z.infer<typeof Tone>;

/** `1986` or a season `1986-87` (the second part is the following year). */
export const YEAR_PATTERN = /^(\d{4})(?:-(\d{2}))?$/;

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

const text = (max: number) => z.string().transform(collapse).pipe(z.string().min(1, 'must not be empty').max(max));

export const Year = z
  .string()
  .trim()
  .regex(YEAR_PATTERN, 'must look like 1986 or 1986-87')
  .refine((y) => {
    const m = YEAR_PATTERN.exec(y);
    if (!m) return false;
    const start = Number(m[1]);
    if (start < 1860 || start > new Date().getUTCFullYear() + 1) return false;
    return m[2] === undefined || Number(m[2]) === (start + 1) % 100;
  }, 'must be a real year (1860 to next year); a season ends the year after it starts');

export const Grade = z
  .number()
  .min(1, 'grades run from 1 to 10')
  .max(10, 'grades run from 1 to 10')
  .refine((g) => Number.isInteger(g * 2), 'grades go in half steps (e.g. 8 or 8.5)');

export const CardData = z
  .object({
    player: text(100),
    year: Year,
    brand: text(60),
    cardNumber: text(20),
    variation: text(80).nullish().transform((v) => v ?? null),
    sport: Sport,
    grade: Grade.nullish().transform((v) => v ?? null),
    gradingCompany: GradingCompany.nullish().transform((v) => v ?? null),
  })
  .superRefine((card, ctx) => {
    // A grade without the company that gave it (or the reverse) is not a slab anyone can list.
    if ((card.grade === null) !== (card.gradingCompany === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [card.grade === null ? 'grade' : 'gradingCompany'],
        message: 'grade and gradingCompany go together: give both for a graded card, neither for a raw one',
      });
    }
  });
export type CardData = z.output<typeof CardData>;
export type CardDataInput = z.input<typeof CardData>;

/** Field names in the fixed order used everywhere a card is serialised. */
export const CARD_FIELDS = ['player', 'year', 'brand', 'cardNumber', 'variation', 'sport', 'grade', 'gradingCompany'] as const;
export type CardField = (typeof CARD_FIELDS)[number];

/** Canonical comparison key of a field value: case, spacing and `#` prefixes do not make two values differ. */
export function normaliseFieldValue(field: CardField, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (field === 'grade') return String(Number(value));
  let s = collapse(String(value)).toLowerCase();
  if (field === 'cardNumber') s = s.replace(/^#\s*/, '').replace(/^no\.?\s*/, '');
  return s;
}

/** Fields whose normalised values differ between two cards, in CARD_FIELDS order. */
export function diffCards(a: Partial<Record<CardField, unknown>>, b: Partial<Record<CardField, unknown>>): CardField[] {
  return CARD_FIELDS.filter((f) => normaliseFieldValue(f, a[f]) !== normaliseFieldValue(f, b[f]));
}

/** The card with fields in the fixed order, for serialisation and hashing. */
export function orderedCard(card: CardData): CardData {
  return Object.fromEntries(CARD_FIELDS.map((f) => [f, card[f] ?? null])) as CardData;
}
