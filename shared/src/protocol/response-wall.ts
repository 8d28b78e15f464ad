import { z } from 'zod';

/**
 * What players typed for a word-cloud or open-answer question, as the host and the display see
 * it (players never get it). The host's copy holds every answer the word filter let through,
 * hidden words and unapproved answers included, so the teacher can choose; the display's copy
 * holds only visible words and approved answers: nothing a student types reaches the big
 * screen without passing the filter and, for open answers, the host.
 */
export const cloudWordSchema = z.object({
  /** The merged form (case, accents and spaces folded): what `host.hideWord` names. */
  key: z.string(),
  /** The first spelling typed. */
  text: z.string(),
  count: z.number().int(),
  /** Host copy only: the host took it off the cloud. */
  hidden: z.boolean().optional(),
});
export type CloudWord = z.infer<typeof cloudWordSchema>;

export const openAnswerEntrySchema = z.object({
  /** The author's player id: what `host.approveAnswer` names. */
  playerId: z.string(),
  text: z.string(),
  /** Host copy only: whether the display shows it (the display's copy lists approved ones alone). */
  approved: z.boolean().optional(),
});
export type OpenAnswerEntry = z.infer<typeof openAnswerEntrySchema>;

export const responseWallSchema = z.object({
  /** The question it belongs to. */
  index: z.number().int(),
  /** word-cloud: merged words, most frequent first, at most 60. */
  words: z.array(cloudWordSchema).optional(),
  /** open-answer: in the order they came (host) or were approved (display); at most 300. */
  answers: z.array(openAnswerEntrySchema).optional(),
  /** Host copy only: answers the word filter caught (never shown anywhere). */
  blocked: z.number().int().optional(),
});
export type ResponseWall = z.infer<typeof responseWallSchema>;
