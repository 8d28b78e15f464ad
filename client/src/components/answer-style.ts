/** The look of answer option i: letter, shape and color, so no one relies on color alone. */
export interface AnswerStyle {
  letter: string;
  shape: 'triangle' | 'diamond' | 'circle' | 'square' | 'star' | 'hexagon';
  /** CSS class that sets the background and a text color with at least 4.5:1 contrast. */
  className: string;
}

// Hues from the Okabe–Ito palette (distinguishable with the common color-vision
// deficiencies), darkened where needed for white text.
export const ANSWER_STYLES: readonly AnswerStyle[] = [
  { letter: 'A', shape: 'triangle', className: 'answer-a' },
  { letter: 'B', shape: 'diamond', className: 'answer-b' },
  { letter: 'C', shape: 'circle', className: 'answer-c' },
  { letter: 'D', shape: 'square', className: 'answer-d' },
  { letter: 'E', shape: 'star', className: 'answer-e' },
  { letter: 'F', shape: 'hexagon', className: 'answer-f' },
];

/** The style of option i (wrapping round, though a question has at most six). */
export function answerStyle(i: number): AnswerStyle {
  return ANSWER_STYLES[i % ANSWER_STYLES.length] as AnswerStyle;
}
