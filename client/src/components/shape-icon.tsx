import type { AnswerStyle } from './answer-style.ts';

const PATHS: Record<AnswerStyle['shape'], string> = {
  triangle: 'M12 2 L22 21 H2 Z',
  diamond: 'M12 1 L23 12 L12 23 L1 12 Z',
  circle: 'M12 2 A10 10 0 1 1 11.99 2 Z',
  square: 'M3 3 H21 V21 H3 Z',
  star: 'M12 1.5 L14.9 8.6 L22.5 9.2 L16.7 14.2 L18.5 21.6 L12 17.6 L5.5 21.6 L7.3 14.2 L1.5 9.2 L9.1 8.6 Z',
  hexagon: 'M6.5 2.5 H17.5 L23 12 L17.5 21.5 H6.5 L1 12 Z',
};

/** The shape of an answer option, drawn in the current text color; decorative (the letter names it). */
export function ShapeIcon({ shape, size = 28 }: { shape: AnswerStyle['shape']; size?: number }) {
  return (
    <svg className="shape-icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[shape]} fill="currentColor" />
    </svg>
  );
}
