import { z } from 'zod';
import { screenViewSchema } from './views.ts';

/**
 * `GET /api/games/:pin/replay`: a finished game as the display saw it, rebuilt from its event
 * log through the engine's `evolve`. One step per event that changed the big screen, with its
 * time since the first step (ms, the owner's clock) so a player can replay at 1×, 4× or at once.
 */
export const replayStepSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  offsetMs: z.number(),
  view: screenViewSchema,
});

export const replayResponseSchema = z.object({
  title: z.string(),
  eventCount: z.number().int(),
  steps: z.array(replayStepSchema),
});

export type ReplayStep = z.infer<typeof replayStepSchema>;
export type ReplayResponse = z.infer<typeof replayResponseSchema>;
