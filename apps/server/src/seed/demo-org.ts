import type { SiteRole } from '@atrium/contracts';
import { handleBase } from '../modules/people/handles.ts';
import { DEPARTMENT_PLANS, type DepartmentPlan } from './demo-departments.ts';
import { OFFICES, REMOTE } from './demo-places.ts';
import {
  type Level,
  type Place,
  pickName,
  pickPlace,
  pickSkills,
  pickStartDate,
  writeBio,
} from './demo-profile.ts';
import { type Gender, PRONOUNS } from './names.ts';
import { createRandom, type Random } from './random.ts';

export const DEMO_DOMAIN = 'demo.atrium.test';
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_DOMAIN}`;
export const DEMO_MEMBER_EMAIL = `member@${DEMO_DOMAIN}`;
export const DEMO_SEED = 42;

/** One person of the demo organization, before ids exist; `manager` indexes the same array. */
export interface DemoPerson {
  index: number;
  name: string;
  handle: string;
  email: string;
  role: SiteRole;
  level: Level;
  title: string;
  department: string | null;
  team: string | null;
  location: string;
  timeZone: string;
  manager: number | null;
  skills: string[];
  bio: string;
  startDate: string;
  pronouns: string | null;
  linkedIn: string | null;
  employeeId: string;
  demoAccount: 'admin' | 'member' | null;
}

interface Draft {
  level: Level;
  title: string;
  department: DepartmentPlan | null;
  team: string | null;
  place: Place;
  manager: number | null;
  person?: { name: string; gender: Gender };
  demoAccount?: 'admin' | 'member';
}

const officePlace = (name: string): Place => {
  const office = OFFICES.find((o) => o.name === name);
  if (!office) throw new Error(`unknown office ${name}`);
  return { location: office.name, timeZone: office.timeZone, regions: office.regions };
};

/** The org chart: CEO, a head per department, directors for large departments, managers per team, ICs. */
function draftOrganization(rng: Random): Draft[] {
  const drafts: Draft[] = [];
  const add = (draft: Draft): number => drafts.push(draft) - 1;
  const ceo = add({
    level: 'ceo',
    title: 'Chief Executive Officer',
    department: null,
    team: null,
    place: officePlace('San Francisco'),
    manager: null,
    person: { name: 'Helena Márquez', gender: 'female' },
  });
  for (const plan of DEPARTMENT_PLANS) {
    const head = add({
      level: 'head',
      title: plan.headTitle,
      department: plan,
      team: null,
      place: pickPlace(rng, false),
      manager: ceo,
    });
    let remaining = plan.size - 1;
    if (plan.name === 'Engineering') {
      // The demo administrator: a real colleague, not a service account.
      add({
        level: 'director',
        title: 'Head of IT',
        department: plan,
        team: 'Infrastructure',
        place: officePlace('London'),
        manager: head,
        person: { name: 'Amara Okafor', gender: 'female' },
        demoAccount: 'admin',
      });
      remaining -= 1;
    }
    const managerCount = Math.max(plan.teams.length, Math.round(remaining / 8));
    const directorCount = managerCount >= 5 ? Math.ceil(managerCount / 4) : 0;
    const directors: number[] = [];
    for (let d = 0; d < directorCount; d++) {
      directors.push(
        add({
          level: 'director',
          title: plan.directorTitle,
          department: plan,
          // Labelled with the team of the first manager reporting to them (see the managers below).
          team: plan.teams[Math.ceil((d * managerCount) / directorCount) % plan.teams.length] ?? null,
          place: pickPlace(rng, false),
          manager: head,
        }),
      );
    }
    const managers: number[] = [];
    for (let m = 0; m < managerCount; m++) {
      const team = plan.teams[m % plan.teams.length] ?? null;
      managers.push(
        add({
          level: 'manager',
          title: `${plan.managerTitle}, ${team}`,
          department: plan,
          team,
          place: pickPlace(rng, true),
          // Consecutive managers share a director, so each director oversees neighbouring teams.
          manager: directors.length
            ? (directors[Math.floor((m * directors.length) / managerCount)] ?? head)
            : head,
        }),
      );
    }
    const icCount = remaining - directorCount - managerCount;
    for (let i = 0; i < icCount; i++) {
      const manager = managers[i % managers.length] ?? head;
      const managerDraft = drafts[manager];
      const prefix = rng.weighted(
        plan.levels.map(([p]) => p),
        plan.levels.map(([, w]) => w),
      );
      const role = rng.weighted(
        plan.roles.map((r) => r.title),
        plan.roles.map((r) => r.weight),
      );
      // Most people sit with their manager; remote managers' teams are spread out.
      const withManager = managerDraft && managerDraft.place.location !== REMOTE && rng.chance(0.65);
      const draft: Draft = {
        level: 'ic',
        title: `${prefix}${role}`,
        department: plan,
        team: managerDraft?.team ?? null,
        place: withManager ? managerDraft.place : pickPlace(rng, true),
        manager,
      };
      if (plan.name === 'Engineering' && i === 0) {
        Object.assign(draft, {
          title: 'Software Engineer',
          place: { location: REMOTE, timeZone: 'America/Sao_Paulo', regions: ['lusophone'] },
          person: { name: 'Lucas Silva', gender: 'male' },
          demoAccount: 'member',
        });
      }
      add(draft);
    }
  }
  return drafts;
}

export interface Taken {
  handles: Set<string>;
  emails: Set<string>;
}

/**
 * Generates the whole organization from a seed: the same seed and the same existing handles always give
 * the same people. Managers come before their reports, so rows can be inserted in order.
 */
export function generateOrganization(taken: Taken, seed = DEMO_SEED): DemoPerson[] {
  const rng = createRandom(seed);
  const drafts = draftOrganization(rng);
  const usedNames = new Set<string>();
  return drafts.map((draft, index) => {
    let picked = draft.person ?? pickName(rng, draft.place);
    // Re-roll repeated full names a few times: two "Wei Chen"s in a 300-person directory only confuse.
    for (let attempt = 0; !draft.person && usedNames.has(picked.name) && attempt < 10; attempt++) {
      picked = pickName(rng, draft.place);
    }
    const { name, gender } = picked;
    usedNames.add(name);
    const base = handleBase(name);
    let handle = base;
    for (let n = 2; taken.handles.has(handle) || taken.emails.has(`${handle}@${DEMO_DOMAIN}`); n++) {
      handle = `${base}${n}`;
    }
    taken.handles.add(handle);
    const email =
      draft.demoAccount === 'admin'
        ? DEMO_ADMIN_EMAIL
        : draft.demoAccount === 'member'
          ? DEMO_MEMBER_EMAIL
          : `${handle}@${DEMO_DOMAIN}`;
    taken.emails.add(email);
    const skills = pickSkills(
      rng,
      draft.department?.skills ?? ['Strategy', 'Fundraising', 'Public speaking'],
      draft.level,
    );
    const startDate = pickStartDate(rng, draft.level);
    const department = draft.department?.name ?? null;
    const bio = writeBio(rng, { ...draft, department, location: draft.place.location, skills, startDate });
    return {
      index,
      name,
      handle,
      email,
      role: draft.demoAccount === 'admin' ? 'admin' : 'user',
      level: draft.level,
      title: draft.title,
      department,
      team: draft.team,
      location: draft.place.location,
      timeZone: draft.place.timeZone,
      manager: draft.manager,
      skills,
      bio,
      startDate,
      pronouns: rng.chance(0.7) ? PRONOUNS[gender] : null,
      linkedIn: rng.chance(0.5)
        ? `https://www.linkedin.com/in/${handle.replace(/\./g, '-')}-atrium-demo`
        : null,
      employeeId: `E-${String(10_001 + index)}`,
      demoAccount: draft.demoAccount ?? null,
    };
  });
}
