// In-page probes for tests/browser/all-screen-sizes.test.ts, evaluated inside Chromium (plain
// JavaScript: the tests' TypeScript has no DOM library). Each returns the problems it found,
// one line each; an empty list means the screen fits.

/** Phone: the page is unscrolled, not wider than the screen, and every enabled control lies inside the viewport. */
function phoneProblems() {
    const out = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    if (window.scrollX !== 0 || window.scrollY !== 0) out.push(`page scrolled to ${window.scrollX},${window.scrollY}`);
    const de = document.documentElement;
    if (de.scrollWidth > vw + 1) out.push(`page ${de.scrollWidth}px wide in a ${vw}px viewport`);
    const controls = document.querySelectorAll('main button:not(:disabled), main input:not(:disabled), main textarea:not(:disabled)');
    for (const c of controls) {
      if (c.closest('.sr-only')) continue;
      const r = c.getBoundingClientRect();
      const name = (c.getAttribute('aria-label') ?? c.textContent ?? c.tagName).trim().slice(0, 40);
      if (r.width === 0 || r.height === 0) out.push(`"${name}" has no size`);
      else if (r.top < -1 || r.left < -1 || r.bottom > vh + 1 || r.right > vw + 1) {
        out.push(`"${name}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)} outside ${vw}×${vh}`);
      }
    }
    return out;
}

/**
 * Big screen: the document does not scroll; no element that clips (overflow hidden or clip)
 * holds more than it shows; and every visible text node's boxes lie inside the viewport, every
 * clipping ancestor and every fitted part ([data-fit-box]) around it.
 */
function screenProblems() {
    const out = [];
    const de = document.documentElement;
    if (de.scrollHeight > de.clientHeight + 1 || de.scrollWidth > de.clientWidth + 1) {
      out.push(`document scrolls: ${de.scrollWidth}×${de.scrollHeight} in ${de.clientWidth}×${de.clientHeight}`);
    }
    const label = (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const hidden = (el) => Boolean(el?.closest('.sr-only, [hidden], [aria-hidden="true"] .sr-only'));
    const clips = (el) => {
      const cs = getComputedStyle(el);
      return /hidden|clip/.test(cs.overflowX) || /hidden|clip/.test(cs.overflowY);
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (!clips(el) || hidden(el) || el.getClientRects().length === 0) continue;
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        out.push(`${label(el)} clips: content ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || hidden(parent)) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const boxes = [{ el: 'viewport', l: 0, t: 0, r: window.innerWidth, b: window.innerHeight }];
      // A fitted box's parts ([data-fit-box]: a tile, a name) must hold their text too, clipped or not.
      for (let a = parent; a && a !== document.body; a = a.parentElement) {
        if (!clips(a) && !a.hasAttribute('data-fit-box')) continue;
        const br = a.getBoundingClientRect();
        const ha = a;
        boxes.push({ el: label(a), l: br.left + ha.clientLeft, t: br.top + ha.clientTop, r: br.left + ha.clientLeft + ha.clientWidth, b: br.top + ha.clientTop + ha.clientHeight });
      }
      for (const r of rects) {
        const outside = boxes.find((b) => r.left < b.l - 1 || r.top < b.t - 1 || r.right > b.r + 1 || r.bottom > b.b + 1);
        if (outside) {
          out.push(`text "${text.slice(0, 30)}" in ${label(parent)} is cut by ${outside.el}`);
          break;
        }
      }
    }
    return [...new Set(out)];
}
