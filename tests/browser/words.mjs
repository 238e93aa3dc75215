// Broken words: text in a table that wraps inside a word without a hyphen ("Authentic|ator").
// A word may wrap only where the build put a soft hyphen (U+00AD), which the browser then
// shows as a hyphen, or after a hyphen written in the word. Web addresses, e-mail
// addresses, phone numbers and code are not words: they may wrap anywhere.
//
// `brokenWords` runs inside the page (page.evaluate): self-contained, returns plain data.

// A4 less the print edition's side margins (16 mm each), in CSS px: the width of the
// print layout.
export const PRINT_WIDTH = { width: Math.round((178 / 25.4) * 96), height: 1000 };

export function brokenWords() {
  const SOFT = '\u00ad';
  const NOT_WORDS = 'a[href^="http"], a[href^="mailto:"], a[href^="tel:"], code, pre, .print-url';
  const found = [];
  const range = document.createRange();
  for (const table of document.querySelectorAll('table')) {
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest(NOT_WORDS) || parent.getClientRects().length === 0) continue;
      const text = node.data;
      for (const word of text.matchAll(/[\p{L}\u00ad]+/gu)) {
        let lastTop = null;
        for (let i = word.index; i < word.index + word[0].length; i++) {
          if (text[i] === SOFT) continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // At a line break Chromium may give the character an empty box at the end of the
          // line before as well: its own box is the last one with a width.
          const rect = [...range.getClientRects()].filter((r) => r.width > 0).at(-1);
          if (!rect) continue;
          if (lastTop !== null && rect.top > lastTop + 1 && text[i - 1] !== SOFT) {
            const shown = word[0].replaceAll(SOFT, '');
            const at = text.slice(word.index, i).replaceAll(SOFT, '').length;
            found.push(`${shown.slice(0, at)}|${shown.slice(at)}`);
          }
          lastTop = rect.top;
        }
      }
    }
  }
  return found;
}
