/** The nine categories residents file topics under (docs/domain/mechanism.md, step 1). */
export const TOPIC_CATEGORIES = [
  'sanitation',
  'parking',
  'repairs',
  'greening',
  'safety',
  'property_fees',
  'maintenance_fund',
  'neighbour_dispute',
  'other',
] as const;

export type TopicCategory = (typeof TOPIC_CATEGORIES)[number];
