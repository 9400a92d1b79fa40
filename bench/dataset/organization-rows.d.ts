import { type Organization } from './organization.ts';
import { type DatasetSpec } from './spec.ts';
import type { RowBuffer } from './tables.ts';
/** The rows of everything but content: people, sessions, spaces, memberships, follows, records. */
export declare function organizationRows(spec: DatasetSpec, org: Organization, out: RowBuffer): void;
