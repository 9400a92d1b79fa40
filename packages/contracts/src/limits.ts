/**
 * Length limits in Unicode code points, defined once for the API edge, the database and the web client.
 * The schema validator (ajv) counts code points, so these numbers mean the same everywhere.
 */
export const LIMITS = {
  email: 254,
  password: { min: 10, max: 256 },
  personName: 120,
  handle: { min: 2, max: 40 },
  title: 120,
  department: 80,
  location: 120,
  bio: 4000,
  skill: 60,
  skillsPerPerson: 50,
  timeZone: 64,
  customFieldKey: 40,
  customFieldLabel: 80,
  customFieldValue: 500,
  customFieldOptions: 50,
  customFields: 40,
  domain: 253,
  tokenName: 80,
  searchQuery: 200,
  organization: 120,
  avatarBytes: 5 * 1024 * 1024,
  coverBytes: 8 * 1024 * 1024,
  spaceName: 80,
  spaceDescription: 2000,
  spaceGuidelines: 8000,
  spaceCategory: 60,
  joinRequestMessage: 1000,
  spaceRulesPerSpace: 20,
  postBody: 20000,
  pageSize: { default: 25, max: 100 },
} as const;

/** A handle: lower-case letters, digits, dots, dashes and underscores; starts with a letter or digit. */
export const HANDLE_PATTERN = '^[a-z0-9][a-z0-9._-]*$';
