import type { Rng } from './random.ts';

/** Small word lists for names, post bodies and topics; enough variety for realistic row sizes. */
const FIRST =
  'Ada Ben Chloé Dev Elif Farid Greta Hiro Ines Jonas Kemi Lars Maya Noor Omar Priya Quinn Rosa Sven Tariq Uma Vera Wei Ximena Yusuf Zoë'.split(
    ' ',
  );
const LAST =
  'Adler Becker Castro Dubois Eriksen Fischer García Haddad Ivanova Jensen Kowalski Lindqvist Moreau Nakamura Okafor Petrov Quispe Rossi Schmidt Tanaka Ueda Varga Weber Xu Yilmaz Zimmermann'.split(
    ' ',
  );
const SUBJECTS =
  'the onboarding flow|our Q3 roadmap|the pricing page|the customer survey|the release train|the new dashboard|the support backlog|the hiring plan|the partner program|the offsite agenda|the billing migration|the mobile app|the security review|the sales playbook|the API docs'.split(
    '|',
  );
const VERBS =
  'Shipped|Reviewed|Updated|Drafted|Finished|Started|Simplified|Measured|Tested|Presented|Rewrote|Planned'.split(
    '|',
  );
const TAILS =
  'thanks to everyone who helped.|feedback welcome before Friday.|details in the doc linked below.|numbers look better than expected.|we still need a decision on scope.|happy to walk anyone through it.|next step is a pilot with two teams.|please flag anything that looks off.|more soon.'.split(
    '|',
  );
const TOPIC_WORDS =
  'release planning hiring security pricing onboarding roadmap design support sales marketing infra mobile billing research culture offsite kudos ops data'.split(
    ' ',
  );
export const DEPARTMENTS = [
  'Sales',
  'Marketing',
  'Engineering',
  'Support',
  'Product',
  'HR',
  'Finance',
  'Legal',
];
export const LOCATIONS = ['Berlin', 'Lisbon', 'Toronto', 'Singapore', 'Austin', 'Remote'];
const SPACE_WORDS =
  'Platform Growth Design Customers Partners Launch Hiring Security Data Mobile Field Ops Finance People Research Community'.split(
    ' ',
  );

export function personName(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

export function spaceName(rng: Rng, index: number): string {
  return `${rng.pick(SPACE_WORDS)} ${rng.pick(SPACE_WORDS)} ${index + 1}`;
}

/** Distinct topic names, already in normalized form (lower case, letters, digits and dashes). */
export function topicNames(count: number): string[] {
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const a = TOPIC_WORDS[i % TOPIC_WORDS.length];
    const b = TOPIC_WORDS[Math.floor(i / TOPIC_WORDS.length) % TOPIC_WORDS.length];
    const round = Math.floor(i / (TOPIC_WORDS.length * TOPIC_WORDS.length));
    names.push(round === 0 && a === b ? `${a}` : `${a}-${b}${round > 0 ? `-${round}` : ''}`);
  }
  return names;
}

export interface Body {
  body: string;
  html: string;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A short post or comment: markdown and the HTML the renderer would store for it (topics as links). */
export function body(rng: Rng, topics: readonly string[], sentences: number): Body {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++)
    parts.push(`${rng.pick(VERBS)} ${rng.pick(SUBJECTS)}, ${rng.pick(TAILS)}`);
  const text = parts.join(' ');
  const tags = topics.map((t) => `#${t}`).join(' ');
  const links = topics.map((t) => `<a href="/topics/${t}" class="topic">#${t}</a>`).join(' ');
  return {
    body: tags ? `${text} ${tags}` : text,
    html: `<p>${escapeHtml(text)}${links ? ` ${links}` : ''}</p>`,
  };
}
