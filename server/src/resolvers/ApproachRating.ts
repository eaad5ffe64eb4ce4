import { APPROACH_FEATURES, ratingScore } from '../domain/model.js';
import type { ApproachRatingResolvers } from '../generated/graphql.js';

export const ApproachRating: ApproachRatingResolvers = {
  label: (r) => featureOf(r.feature).label,
  printedLabel: (r) => featureOf(r.feature).printedLabel,
  score: (r) => ratingScore(r.printed),
};

function featureOf(key: string) {
  const feature = APPROACH_FEATURES.find((f) => f.key === key);
  if (!feature) throw new Error(`unknown approach feature ${key}`);
  return feature;
}
