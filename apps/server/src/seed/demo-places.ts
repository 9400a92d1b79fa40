import type { RegionKey } from './names.ts';

export interface Office {
  name: string;
  timeZone: string;
  /** Relative share of the workforce. */
  weight: number;
  /** Where people hired here mostly come from; anyone may work anywhere, so this is only a bias. */
  regions: readonly RegionKey[];
}

export const REMOTE = 'Remote';

export const OFFICES: readonly Office[] = [
  {
    name: 'San Francisco',
    timeZone: 'America/Los_Angeles',
    weight: 22,
    regions: ['anglo', 'hispanic', 'eastAsian', 'southAsian'],
  },
  {
    name: 'New York',
    timeZone: 'America/New_York',
    weight: 18,
    regions: ['anglo', 'hispanic', 'africanMiddleEastern', 'easternEuropean'],
  },
  {
    name: 'London',
    timeZone: 'Europe/London',
    weight: 16,
    regions: ['anglo', 'southAsian', 'africanMiddleEastern', 'romance'],
  },
  {
    name: 'Berlin',
    timeZone: 'Europe/Berlin',
    weight: 12,
    regions: ['german', 'nordic', 'easternEuropean', 'romance'],
  },
  { name: 'Bangalore', timeZone: 'Asia/Kolkata', weight: 10, regions: ['southAsian'] },
  {
    name: 'Singapore',
    timeZone: 'Asia/Singapore',
    weight: 8,
    regions: ['southeastAsian', 'eastAsian', 'southAsian'],
  },
];

/** Share of people working remotely, and the time zones they live in. */
export const REMOTE_WEIGHT = 14;
export const REMOTE_TIME_ZONES = [
  'America/Chicago',
  'America/Denver',
  'America/Toronto',
  'America/Sao_Paulo',
  'America/Mexico_City',
  'Europe/Lisbon',
  'Europe/Madrid',
  'Europe/Warsaw',
  'Europe/Stockholm',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

/** Regions a remote person's name comes from, by their time zone. */
export const REMOTE_REGIONS: Record<(typeof REMOTE_TIME_ZONES)[number], readonly RegionKey[]> = {
  'America/Chicago': ['anglo', 'hispanic'],
  'America/Denver': ['anglo', 'hispanic'],
  'America/Toronto': ['anglo', 'southAsian', 'eastAsian'],
  'America/Sao_Paulo': ['lusophone'],
  'America/Mexico_City': ['hispanic'],
  'Europe/Lisbon': ['lusophone', 'romance'],
  'Europe/Madrid': ['hispanic', 'romance'],
  'Europe/Warsaw': ['easternEuropean'],
  'Europe/Stockholm': ['nordic'],
  'Africa/Lagos': ['africanMiddleEastern'],
  'Africa/Nairobi': ['africanMiddleEastern'],
  'Asia/Tokyo': ['eastAsian'],
  'Australia/Sydney': ['anglo', 'southeastAsian', 'eastAsian'],
};

/** Hobbies for the short bios. */
export const HOBBIES = [
  'trail running',
  'baking sourdough',
  'climbing',
  'jazz piano',
  'cycling',
  'chess',
  'gardening',
  'photography',
  'learning Japanese',
  'board games',
  'sailing',
  'pottery',
  'birdwatching',
  'salsa dancing',
  'woodworking',
  'reading science fiction',
  'volunteering at a food bank',
  'coaching youth football',
  'making podcasts',
  'hiking with my dog',
];
