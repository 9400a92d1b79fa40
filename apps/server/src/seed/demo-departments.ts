import type { DEPARTMENTS } from '@atrium/contracts';

export type Department = (typeof DEPARTMENTS)[number];

export interface IcRole {
  title: string;
  weight: number;
}

export interface DepartmentPlan {
  name: Department;
  /** Head count including the head of the department. */
  size: number;
  headTitle: string;
  directorTitle: string;
  /** A manager's title is this plus the team, e.g. "Engineering Manager, Platform". */
  managerTitle: string;
  /** Seniority prefixes for individual contributors, from junior to senior, with weights. */
  levels: readonly (readonly [prefix: string, weight: number])[];
  roles: readonly IcRole[];
  teams: readonly string[];
  skills: readonly string[];
}

const list = (items: string): string[] => items.split(',').map((s) => s.trim());
const roles = (items: string): IcRole[] =>
  list(items).map((item) => {
    const [title = item, weight = '1'] = item.split(':');
    return { title, weight: Number(weight) };
  });

const GENERAL_LEVELS = [
  ['Associate ', 2],
  ['', 5],
  ['Senior ', 3],
  ['Lead ', 1],
] as const;

/** Sizes add up to 299: with the CEO the demo organization has 300 people. */
export const DEPARTMENT_PLANS: readonly DepartmentPlan[] = [
  {
    name: 'Engineering',
    size: 85,
    headTitle: 'VP of Engineering',
    directorTitle: 'Director of Engineering',
    managerTitle: 'Engineering Manager',
    levels: [
      ['Junior ', 1],
      ['', 4],
      ['Senior ', 4],
      ['Staff ', 2],
      ['Principal ', 1],
    ],
    roles: roles(
      'Software Engineer:6, Frontend Engineer:3, Backend Engineer:3, Site Reliability Engineer:2, ' +
        'Data Engineer:2, Security Engineer:1, QA Engineer:1, Mobile Engineer:2',
    ),
    teams: list('Platform, Web, Mobile, Data, Infrastructure, Security'),
    skills: list(
      'TypeScript, React, Node.js, PostgreSQL, Kubernetes, Go, Rust, Python, AWS, Terraform, GraphQL, ' +
        'Distributed systems, Observability, Application security, Swift, Kotlin, CI/CD',
    ),
  },
  {
    name: 'Sales',
    size: 52,
    headTitle: 'VP of Sales',
    directorTitle: 'Regional Sales Director',
    managerTitle: 'Sales Manager',
    levels: GENERAL_LEVELS,
    roles: roles(
      'Account Executive:5, Sales Development Representative:3, Solutions Engineer:2, Account Manager:2',
    ),
    teams: list('North America, EMEA, APAC, Enterprise'),
    skills: list(
      'Negotiation, Salesforce, Enterprise sales, Forecasting, Prospecting, Account planning, ' +
        'Solution selling, Public speaking, Partnerships, MEDDICC, Cold outreach, Discovery calls',
    ),
  },
  {
    name: 'Support',
    size: 42,
    headTitle: 'VP of Customer Support',
    directorTitle: 'Director of Support',
    managerTitle: 'Support Manager',
    levels: GENERAL_LEVELS,
    roles: roles(
      'Support Engineer:4, Customer Support Specialist:4, Technical Account Manager:2, Customer Success Manager:2',
    ),
    teams: list('Frontline Support, Technical Support, Customer Success'),
    skills: list(
      'Troubleshooting, Zendesk, Customer empathy, SQL, Technical writing, Escalation management, ' +
        'Customer onboarding, Knowledge base, Jira, Incident communication, Linux, API debugging',
    ),
  },
  {
    name: 'Marketing',
    size: 32,
    headTitle: 'VP of Marketing',
    directorTitle: 'Director of Marketing',
    managerTitle: 'Marketing Manager',
    levels: GENERAL_LEVELS,
    roles: roles(
      'Product Marketing Manager:3, Content Strategist:2, Growth Marketer:2, Brand Designer:1, Events Specialist:1',
    ),
    teams: list('Brand, Growth, Product Marketing, Events'),
    skills: list(
      'SEO, Content strategy, Copywriting, Brand design, Marketing analytics, Paid social, Email marketing, ' +
        'Event planning, HubSpot, Positioning, Video production, Community building',
    ),
  },
  {
    name: 'Product',
    size: 26,
    headTitle: 'VP of Product',
    directorTitle: 'Director of Product',
    managerTitle: 'Group Product Manager',
    levels: GENERAL_LEVELS,
    roles: roles('Product Manager:4, Product Designer:3, UX Researcher:1, Technical Writer:1'),
    teams: list('Core Product, Design, Research'),
    skills: list(
      'Roadmapping, User research, Figma, Prototyping, A/B testing, Product analytics, Accessibility, ' +
        'Interaction design, Product discovery, Pricing, Data visualization, Technical writing',
    ),
  },
  {
    name: 'HR',
    size: 22,
    headTitle: 'VP of People',
    directorTitle: 'Director of People Operations',
    managerTitle: 'HR Manager',
    levels: GENERAL_LEVELS,
    roles: roles('HR Business Partner:2, Recruiter:3, People Operations Specialist:2, Learning Specialist:1'),
    teams: list('Talent Acquisition, People Operations, Learning & Development'),
    skills: list(
      'Recruiting, Employee relations, Compensation, Onboarding, Workday, Diversity & inclusion, Coaching, ' +
        'Learning design, HR policy, Employer branding, Performance management',
    ),
  },
  {
    name: 'Finance',
    size: 24,
    headTitle: 'Chief Financial Officer',
    directorTitle: 'Director of Finance',
    managerTitle: 'Finance Manager',
    levels: GENERAL_LEVELS,
    roles: roles('Financial Analyst:3, Accountant:3, Payroll Specialist:1, Procurement Specialist:1'),
    teams: list('Accounting, FP&A, Procurement'),
    skills: list(
      'Financial modeling, Excel, Budgeting, Accounting, Tax, NetSuite, Revenue recognition, Audit, ' +
        'Payroll, Procurement, Treasury, SQL',
    ),
  },
  {
    name: 'Legal',
    size: 16,
    headTitle: 'General Counsel',
    directorTitle: 'Deputy General Counsel',
    managerTitle: 'Legal Manager',
    levels: GENERAL_LEVELS,
    roles: roles('Corporate Counsel:3, Paralegal:2, Contracts Manager:2, Privacy Counsel:1'),
    teams: list('Commercial Legal, Privacy & Compliance'),
    skills: list(
      'Contract law, GDPR, Employment law, Intellectual property, Compliance, Negotiation, ' +
        'Litigation management, Corporate governance, Export control, Open source licensing',
    ),
  },
];

export const ALL_TEAMS: readonly string[] = DEPARTMENT_PLANS.flatMap((d) => d.teams);
