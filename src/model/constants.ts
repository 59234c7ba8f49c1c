/**
 * Structural constants of the model: numbers inside its formulas that are not scenario parameters. Each is an
 * assumption about the model's shape, named here and under the same name in src/MODEL.md (section 8).
 * None is applied to the quantity a claim measures.
 */

/** Working days in a year: converts yearly rates to daily ones. */
export const DAYS_PER_YEAR = 250;

// --- Groups: clarity, rules, novelty, risk -----------------------------------------------------------

/** Purpose clarity of a team group: its objectives are known by construction. */
export const TEAM_CLARITY = 0.6;
/** ...raised by defined usage scenarios (a routine says what is expected). */
export const TEAM_ROUTINE_CLARITY = 0.25;
/** ...and by the global framework. */
export const TEAM_FRAMEWORK_CLARITY = 0.15;
/** Rules and limits in a team group before any framework: the team's objectives say much of them. */
export const TEAM_RULES = 0.5;
/** ...raised by a routine and by the framework. */
export const TEAM_ROUTINE_RULES = 0.2;
export const TEAM_FRAMEWORK_RULES = 0.3;
/** How much of what is still unclear in an open community the framework clarifies once in place. */
export const FRAMEWORK_REACH = 0.8;
/** Clarity animators bring to an open community: what they know of its matter, times how much they animate. */
export const ANIMATION_CLARITY = 0.2;
/** Clarity and rules of the external community (the brand's own space). */
export const EXTERNAL_CLARITY = 0.6;
export const EXTERNAL_RULES = 0.6;
/** How much of the risk clear rules and limits remove. */
export const RULES_RISK_CUT = 0.7;
/** Barrier of doing new things in a team group: he starts with what the team already did, with new tools. */
export const TEAM_NOVELTY = 0.35;
/** ...lower still once a routine defines the usage. */
export const TEAM_ROUTINE_NOVELTY = 0.1;
export const EXTERNAL_NOVELTY = 0.5;
/** Customers risk their image in front of strangers, not their evaluation: this share of an employee's exposure. */
export const EXTERNAL_EXPOSURE = 0.35;

// --- Animation ----------------------------------------------------------------------------------------

/** Share of an animator's hours that go to following up conversations (the rest: prompts). */
export const FOLLOW_UP_SHARE = 0.5;
/**
 * How much coaching multiplies an animator's effectiveness (his prompts' pull, his follow-ups) and his effort target.
 */
export const COACHING_SKILL = 0.4;
/** Write invitation of a group with no animation, and what full animation adds. */
export const INVITE_BASE = 0.6;
export const INVITE_ANIMATION = 0.8;
/** Part of an SMM's time a team group he steps into takes, in communities' worth. */
export const TEAM_GROUP_LOAD = 0.5;
/** Owners' animation effort at the start, times their disposition. */
export const INITIAL_EFFORT = 0.6;
/** Effort target of an owner: EFFORT_BASE + EFFORT_RESPONSE x (response to his own prompts). */
export const EFFORT_BASE = 0.6;
export const EFFORT_RESPONSE = 0.8;
/** Owners' disposition to animate: DISPOSITION_BASE + DISPOSITION_ALIGNMENT x their alignment. */
export const DISPOSITION_BASE = 0;
export const DISPOSITION_ALIGNMENT = 1;
/** How much an owner's own animation recruits, relative to an SMM's. */
export const OWNER_RECRUITMENT = 0.3;

// --- Memory of groups and agents --------------------------------------------------------------------

/** Weight of today in a group's smoothed activity, voice share and owner's share. */
export const GROUP_MEMORY = 0.2;
/** Weight of today in an agent's smoothed minutes spent on social tools. */
export const LOAD_MEMORY = 0.2;
/**
 * Share of members taking part that counts as a full response: at which an audience fully endorses its
 * animators, an owner's prompts get all the response they can, and an owner stops asking for coaching.
 */
export const TRUST_SHARE_REF = 0.3;
/** An audience that does not respond at all still grants its animators this much of their legitimacy. */
export const TRUST_FLOOR = 0.5;
/** Posts of the group's own a day counted beside the organization's voice, so a silent group has a share. */
export const VOICE_SMOOTHING = 1;
/** Clarity at which a member's need for sense neither attracts nor repels; alignment likewise. */
export const NEUTRAL_CLARITY = 0.5;
export const NEUTRAL_ALIGNMENT = 0.5;
/** Share of interested employees in a duplicate community at the start, relative to the main one. */
export const DUPLICATE_JOIN_SHARE = 0.5;
/** Width (logit) of the ramp over which a disengaged absent member's leaving hazard grows to its maximum. */
export const LEAVE_RAMP = 1;
/** Joining on one's own still happens in a silent community, at this share of full visible activity. */
export const JOIN_VISIBILITY_FLOOR = 0.2;

// --- Governance ---------------------------------------------------------------------------------------

/**
 * Departments a newcomer gets to know at the knowledge.learningDays pace; a CM works with every department, so
 * beyond this many his time, and his learning, spreads over them (an SMM works with his communities only).
 */
export const LEARNING_DEPARTMENTS = 6;
/** Daily erosion of what a CM built, once nobody pilots it. */
export const EROSION = 0.999;
/** Routine adoption of coached managers: PROCESS_ADOPTION_FLOOR + co-built processes. */
export const PROCESS_ADOPTION_FLOOR = 0.5;
/** Co-built processes progress with managers' engagement: PROCESS_ENGAGEMENT_FLOOR + their mean effort. */
export const PROCESS_ENGAGEMENT_FLOOR = 0.5;
/** Duplicates nobody who animates the topic sees are escalated and merged at this share of the rate. */
export const UNSEEN_DUPLICATE = 0.25;

// --- Activity codes in the hot record ----------------------------------------------------------------

/**
 * Today's activity of an agent, summed in one number: per visit (read or contribution) +1 in a team group or
 * the external community, +OPEN_VISIT in an open community; per contribution, +WRITE more, or +OPEN_WRITE in
 * an open community. Each count stays below 128 (an agent is in far fewer groups), so the sum is exact.
 */
export const OPEN_VISIT = 128;
export const WRITE = 128 * 128;
export const OPEN_WRITE = 128 * 128 * 128;
