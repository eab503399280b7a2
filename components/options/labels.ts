import type { EntityKind } from '../../lib/settings/schema';

export const KIND_LABELS: Record<EntityKind, string> = {
  person: 'People',
  country: 'Countries',
  organization: 'Organisations',
  place: 'Places',
  treaty: 'Treaties and agreements',
  summit: 'Summits',
};

export const KIND_SINGULAR: Record<EntityKind, string> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organisation',
  place: 'Place',
  treaty: 'Treaty',
  summit: 'Summit',
};
