/** The API's shapes the page reads (docs/server.md; /api/openapi.json has them all). */
export interface Actor {
  name: string;
  inter: number;
}
export interface Fatalities {
  low: number | null;
  best: number | null;
  high: number | null;
}
export interface EventDate {
  start: string;
  end: string;
  precision: 1 | 2 | 3;
}
export interface Location {
  name: string;
  lat: number;
  lon: number;
  country: string;
  admin1: string | null;
  precision: 1 | 2 | 3;
}
export interface Source {
  documentId: string;
  outlet: string | null;
  published: string | null;
  start: number;
  end: number;
  text: string;
  sentence: { start: number; end: number; text: string };
  said: string[];
  certainty: string;
  date: EventDate | null;
  fatalities: Fatalities | null;
}
export interface Review {
  status: 'confirmed' | 'corrected' | 'rejected' | 'merged' | 'split';
  by: string | null;
  at: string;
  why: string | null;
  mergedInto: string | null;
  splitFrom: string | null;
  original: Record<string, unknown>;
  history: { id: number; action: string; by: string | null; at: string; why: string | null; data: Record<string, unknown> }[];
}
export interface Event {
  id: string;
  type: string;
  subType: string;
  date: EventDate | null;
  location: Location | null;
  actor1: Actor | null;
  actor2: Actor | null;
  actors: Actor[];
  fatalities: Fatalities;
  sources: Source[];
  corroboration: number;
  outlets: string[];
  certainty: string;
  merged: string[];
  review: Review | null;
}
export interface Point {
  id: string;
  type: string;
  subType: string;
  start: string | null;
  end: string | null;
  lat: number | null;
  lon: number | null;
  precision: number | null;
  place: string | null;
  country: string | null;
  deaths: number | null;
  outlets: number;
  review: string | null;
}
export interface Facet {
  value: string;
  label: string;
  count: number;
}
export interface Facets {
  total: number;
  facets: Record<string, Facet[]>;
  subTypes: Record<string, string[]>;
}
export interface ControlPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string;
  changes: { date: { start: string; end: string } | null; holder: string | null; previous: string | null; how: string; part: boolean; eventId: string | null }[];
}
export interface Desk {
  id: string;
  name: string;
  description: string | null;
  query: string;
  links: Record<string, string>;
}
