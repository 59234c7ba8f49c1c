/**
 * Rows of the first essay: 33 things to know about those who make your online social spaces live, in the
 * essay's order, one file a part of it.
 */
import { MANAGER_MEMBER_ROWS } from './rows-roles-managers-members.ts';
import { COMMUNITY_MANAGER_ROLE_ROWS } from './rows-roles-community-manager.ts';
import { SOCIAL_MEDIA_MANAGER_ROWS } from './rows-roles-social-media-managers.ts';
import type { PatternRow } from './types.ts';

export const ROLES_ROWS: readonly PatternRow[] = [
  ...COMMUNITY_MANAGER_ROLE_ROWS,
  ...SOCIAL_MEDIA_MANAGER_ROWS,
  ...MANAGER_MEMBER_ROWS,
];
