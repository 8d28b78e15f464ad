import { Fragment, type ReactNode } from 'react';

/** Renders one tag's inner text, e.g. strong → <strong>…</strong>. */
export type TagRenderers = Record<string, (inner: string) => ReactNode>;

const TAG = /<([a-z]+)>(.*?)<\/\1>/g;

/**
 * A translated sentence with a few marked words ("Your answer was <strong>event #4</strong>"),
 * so a translator can move the emphasis where their grammar puts it. Only the named tags
 * become elements; everything else, and any text a user typed, stays text.
 */
export function richText(message: string, tags: TagRenderers): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of message.matchAll(TAG)) {
    const render = tags[m[1] ?? ''];
    if (!render) continue;
    parts.push(message.slice(last, m.index));
    parts.push(<Fragment key={m.index}>{render(m[2] ?? '')}</Fragment>);
    last = m.index + m[0].length;
  }
  parts.push(message.slice(last));
  return parts;
}

/** A placeholder value no translation or nickname contains (Unicode private use). */
export const SLOT = '\uE000';

/**
 * A translated sentence with one element in it where a placeholder was given SLOT, e.g. a
 * nickname in its own styled span wherever the language puts it ("比 {nickname} 少 5 分").
 */
export function withSlot(message: string, element: ReactNode): ReactNode {
  const at = message.indexOf(SLOT);
  if (at < 0) return message;
  return [message.slice(0, at), <Fragment key="slot">{element}</Fragment>, message.slice(at + SLOT.length)];
}
