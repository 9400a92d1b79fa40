import { HOBBIES, OFFICES, REMOTE, REMOTE_REGIONS, REMOTE_TIME_ZONES, REMOTE_WEIGHT } from './demo-places.ts';
import { type Gender, NAME_REGIONS, NEUTRAL_FIRST_NAMES, REGION_KEYS, type RegionKey } from './names.ts';
import type { Random } from './random.ts';

export interface Place {
  location: string;
  timeZone: string;
  regions: readonly RegionKey[];
}

/** A place to work: one of the offices by weight, or remote in one of several time zones. */
export function pickPlace(rng: Random, allowRemote: boolean): Place {
  const choices = [...OFFICES.map((o) => o.name), REMOTE];
  const choice = rng.weighted(choices, [...OFFICES.map((o) => o.weight), allowRemote ? REMOTE_WEIGHT : 0]);
  const office = OFFICES.find((o) => o.name === choice);
  if (office) return { location: office.name, timeZone: office.timeZone, regions: office.regions };
  const timeZone = rng.pick(REMOTE_TIME_ZONES);
  return { location: REMOTE, timeZone, regions: REMOTE_REGIONS[timeZone] };
}

/** A name that fits the place most of the time: offices hire locally and internationally. */
export function pickName(rng: Random, place: Place): { name: string; gender: Gender } {
  const regionKey = rng.chance(0.75) ? rng.pick(place.regions) : rng.pick(REGION_KEYS);
  const region = NAME_REGIONS[regionKey];
  const gender: Gender = rng.chance(0.04) ? 'neutral' : rng.chance(0.5) ? 'female' : 'male';
  const first =
    gender === 'neutral'
      ? rng.pick(NEUTRAL_FIRST_NAMES)
      : rng.pick(gender === 'female' ? region.female : region.male);
  return { name: `${first} ${rng.pick(region.last)}`, gender };
}

export type Level = 'ceo' | 'head' | 'director' | 'manager' | 'ic';

const LEADERSHIP_SKILLS = ['People management', 'Leadership', 'Hiring', 'Strategy', 'Mentoring'];

/** 2–6 skills from the department's list; leaders also list one leadership skill. */
export function pickSkills(rng: Random, departmentSkills: readonly string[], level: Level): string[] {
  const count = rng.int(2, 6);
  if (level === 'ic') return rng.sample(departmentSkills, count);
  return [rng.pick(LEADERSHIP_SKILLS), ...rng.sample(departmentSkills, count - 1)];
}

// Fixed calendar ranges (not "now"), so the same seed gives the same dates in any year.
const START_YEARS: Record<Level, readonly [number, number]> = {
  ceo: [2014, 2014],
  head: [2015, 2019],
  director: [2016, 2021],
  manager: [2017, 2023],
  ic: [2018, 2025],
};

export function pickStartDate(rng: Random, level: Level): string {
  const [from, to] = START_YEARS[level];
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface BioInput {
  level: Level;
  title: string;
  department: string | null;
  team: string | null;
  location: string;
  skills: readonly string[];
  startDate: string;
}

// Product and tool names keep their capital letter inside a sentence; common nouns do not.
const PROPER_NOUNS = new Set(
  'React, Go, Rust, Python, Kubernetes, Terraform, Swift, Kotlin, Salesforce, Zendesk, Jira, Linux, Figma, Excel, Workday, Node.js'.split(
    ', ',
  ),
);

function inSentence(skill: string): string {
  const firstWord = skill.split(' ')[0] ?? skill;
  if (PROPER_NOUNS.has(firstWord) || /[A-Z]/.test(firstWord.slice(1))) return skill;
  return skill.charAt(0).toLowerCase() + skill.slice(1);
}

/** One or two sentences in the person's own voice, built from their profile. */
export function writeBio(rng: Random, input: BioInput): string {
  const [first = 'my craft', second = first] = input.skills
    .filter((s) => !LEADERSHIP_SKILLS.includes(s))
    .map(inSentence);
  const where = input.location === REMOTE ? 'working remotely' : `based in ${input.location}`;
  const since = input.startDate.slice(0, 4);
  const hobby = rng.pick(HOBBIES);
  if (input.level === 'ceo') {
    return `Co-founder and CEO, ${where}. I care about building a company where people do the best work of their careers. Weekends: ${hobby}.`;
  }
  if (input.level === 'head') {
    return `I lead ${input.department} and have been here since ${since}. My door is always open; ask me about ${first} or ${hobby}.`;
  }
  const templates = [
    `${input.title} on the ${input.team} team, ${where}. Most days I work on ${first} and ${second}. Outside work: ${hobby}.`,
    `Here since ${since}, ${where}. Happy to help with anything ${first}; off the clock you'll find me ${hobby}.`,
    `${input.team} team. I enjoy ${second}, clear docs and good coffee. Currently into ${hobby}.`,
  ];
  if (input.level !== 'ic') {
    templates.push(
      `I manage the ${input.team} team and love helping people grow. Background in ${first}; spare time goes to ${hobby}.`,
    );
  }
  return rng.pick(templates);
}
