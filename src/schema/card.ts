import { CARD_FIELDS, type CardData, type CardField, GRADING_COMPANIES, PLATFORMS, SPORTS, TONES } from '../services/cards/card.js';
import { builder } from './builder.js';

/** The card vocabulary as GraphQL types; the values come from the zod enums in services/cards. */

export const SportEnum = builder.enumType('Sport', { values: SPORTS });
export const GradingCompanyEnum = builder.enumType('GradingCompany', { values: GRADING_COMPANIES });
export const PlatformEnum = builder.enumType('Platform', { values: PLATFORMS });
export const ToneEnum = builder.enumType('Tone', { values: TONES });
export const CardFieldEnum = builder.enumType('CardField', { values: CARD_FIELDS });

export const CardDataRef = builder.objectRef<CardData>('CardData').implement({
  description: 'A card as identified: what a scan should resolve to.',
  fields: (t) => ({
    player: t.exposeString('player'),
    year: t.exposeString('year', { description: '"1986" or a season "1986-87"' }),
    brand: t.exposeString('brand'),
    cardNumber: t.exposeString('cardNumber'),
    variation: t.exposeString('variation', { nullable: true }),
    sport: t.expose('sport', { type: SportEnum }),
    grade: t.exposeFloat('grade', { nullable: true, description: '1 to 10 in half steps; null for a raw card' }),
    gradingCompany: t.expose('gradingCompany', { type: GradingCompanyEnum, nullable: true }),
  }),
});

export const CardDataInput = builder.inputType('CardDataInput', {
  fields: (t) => ({
    player: t.string({ required: true }),
    year: t.string({ required: true, description: '"1986" or a season "1986-87"' }),
    brand: t.string({ required: true }),
    cardNumber: t.string({ required: true }),
    variation: t.string(),
    sport: t.field({ type: SportEnum, required: true }),
    grade: t.float({ description: '1 to 10 in half steps; omit for a raw card' }),
    gradingCompany: t.field({ type: GradingCompanyEnum }),
  }),
});

/** A model's prediction as the app saw it: loosely typed, since it is what gets corrected. */
export const PredictedCardInput = builder.inputType('PredictedCardInput', {
  fields: (t) => ({
    player: t.string(),
    year: t.string(),
    brand: t.string(),
    cardNumber: t.string(),
    variation: t.string(),
    sport: t.string(),
    grade: t.float(),
    gradingCompany: t.string(),
  }),
});

type Predicted = Partial<Record<CardField, string | number | null>>;

export const PredictedCardRef = builder.objectRef<Predicted>('PredictedCard').implement({
  fields: (t) => {
    const text = (f: CardField) =>
      t.string({ nullable: true, resolve: (p) => (p[f] === null || p[f] === undefined ? null : String(p[f])) });
    return {
      player: text('player'),
      year: text('year'),
      brand: text('brand'),
      cardNumber: text('cardNumber'),
      variation: text('variation'),
      sport: text('sport'),
      grade: t.float({ nullable: true, resolve: (p) => (typeof p.grade === 'number' ? p.grade : null) }),
      gradingCompany: text('gradingCompany'),
    };
  },
});
