import { APPROACH_FEATURES, ratingScore, type ApproachFeature, type GraphNode } from './model.js';

/** What a municipality wants of one feature of the summary table (ratings read as 0-3). */
export interface FeatureWish {
  feature: ApproachFeature;
  min?: number;
  max?: number;
  weight?: number;
}

export interface FeatureCheck {
  feature: ApproachFeature;
  label: string;
  printed: string;
  score: number | null;
  met: boolean;
}

export interface ApproachAdvice {
  approach: GraphNode;
  score: number;
  meetsAll: boolean;
  met: FeatureCheck[];
  missed: FeatureCheck[];
}

/**
 * Ranks approaches for a set of wishes. A wish is met when the rating is readable and within
 * [min, max]; the score is the weighted sum of the wished features' ratings (unreadable: 0).
 * Order: approaches meeting every wish first, then by score, then by chapter number.
 */
export function recommendApproaches(approaches: readonly GraphNode[], wishes: readonly FeatureWish[]): ApproachAdvice[] {
  const advice = approaches.map((approach) => {
    const checks = wishes.map((wish): FeatureCheck & { weighted: number } => {
      const printed = approach.ratings?.find((r) => r.feature === wish.feature)?.printed ?? '';
      const score = ratingScore(printed);
      const met = score !== null && score >= (wish.min ?? 0) && score <= (wish.max ?? 3);
      const label = APPROACH_FEATURES.find((f) => f.key === wish.feature)!.label;
      return { feature: wish.feature, label, printed, score, met, weighted: (wish.weight ?? 1) * (score ?? 0) };
    });
    const strip = ({ weighted: _w, ...check }: FeatureCheck & { weighted: number }) => check;
    return {
      approach,
      score: checks.reduce((sum, c) => sum + c.weighted, 0),
      meetsAll: checks.every((c) => c.met),
      met: checks.filter((c) => c.met).map(strip),
      missed: checks.filter((c) => !c.met).map(strip),
    };
  });
  return advice.sort(
    (a, b) => Number(b.meetsAll) - Number(a.meetsAll) || b.score - a.score || (a.approach.number ?? 0) - (b.approach.number ?? 0),
  );
}
