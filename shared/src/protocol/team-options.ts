import { z } from 'zod';

/** Teams in a game: at least two, at most eight. */
export const MIN_TEAMS = 2;
export const MAX_TEAMS = 8;
/** The longest "team talk" pause before answers open. */
export const MAX_TEAM_TALK_MS = 60_000;

/**
 * Team mode, picked when a game is created. The teacher names the teams (the host screen fills
 * in "Team 1", "Team 2", … in the teacher's language); names go through the nickname filter.
 * Players are dealt to the smallest team as they join; with `playersChoose` they may switch team
 * in the lobby, and the host may reshuffle all teams before the start (host.shuffleTeams).
 */
export const teamOptionsSchema = z.object({
  /** Team names, in team order (team index = position). Trimmed, 1–24 characters, unique. */
  names: z
    .array(z.string().trim().min(1).max(24))
    .min(MIN_TEAMS)
    .max(MAX_TEAMS)
    .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, 'team names must differ'),
  /** Players may pick their team in the lobby (player.team); otherwise the teams are balanced for them. */
  playersChoose: z.boolean().default(false),
  /** "Team talk": extra time after a question is shown before answers open, for teams to confer. 0 = none. */
  talkMs: z.number().int().min(0).max(MAX_TEAM_TALK_MS).default(0),
});
export type TeamOptions = z.infer<typeof teamOptionsSchema>;

/** A team as a phone knows it: its place in the game's list and its name. */
export const teamRefSchema = z.object({ index: z.number().int(), name: z.string() });
export type TeamRef = z.infer<typeof teamRefSchema>;

/**
 * One team's standing (leaderboard, podium, lobby). Scores follow docs/scoring.md: each
 * question adds the mean of the members' points. movement = previous rank − rank.
 */
export const teamRowSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  rank: z.number().int(),
  score: z.number().int(),
  /** Scored questions in a row that at least half of the team got right. */
  streak: z.number().int(),
  movement: z.number().int(),
  memberCount: z.number().int(),
  /** Members' nicknames, in order of joining; at most 40 (screens only). */
  members: z.array(z.string()),
});
export type TeamRow = z.infer<typeof teamRowSchema>;
