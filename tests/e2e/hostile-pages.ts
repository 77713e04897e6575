/**
 * Hostile and odd pages, generated on the fly by the test server (nothing huge is kept in git). Each page says in a
 * comment what it does to TermLens. Terms are real glossary terms so a working scan has something to find.
 */

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>hostile</title>${head}</head><body>${body}</body></html>`;

/** Breaks the page's own globals and built-ins the way careless or malicious pages do. */
export const GLOBALS_PAGE = page(
  `<p id="a">Many people take metformin first.</p><p id="b">Low blood sugar is called hypoglycemia.</p>
   <script>
     window.CSS = { highlights: null, supports: () => { throw new Error('page CSS') } };
     window.Highlight = function () { throw new Error('page Highlight'); };
     window.Range = function () { throw new Error('page Range'); };
     window.StaticRange = undefined;
     window.MutationObserver = function () { throw new Error('page MutationObserver'); };
     window.IntersectionObserver = undefined;
     window.CSSStyleSheet = function () { throw new Error('page CSSStyleSheet'); };
     Array.prototype.push = function () { throw new Error('page push'); };
     Array.prototype.map = function () { return 'broken'; };
     Array.prototype[Symbol.iterator] = function* () {};
     Array.from = () => [];
     Object.keys = () => { throw new Error('page keys'); };
     Map.prototype.get = () => undefined;
     Set.prototype.has = () => true;
     JSON.parse = () => { throw new Error('page JSON'); };
     JSON.stringify = () => '"broken"';
     Promise.prototype.then = function () { throw new Error('page then'); };
     Function.prototype.bind = function () { throw new Error('page bind'); };
     String.prototype.toLowerCase = () => 'broken';
     Node.prototype.appendChild = function () { throw new Error('page appendChild'); };
     Element.prototype.attachShadow = function () { throw new Error('page attachShadow'); };
     EventTarget.prototype.addEventListener = function () { throw new Error('page addEventListener'); };
     document.createElement = () => { throw new Error('page createElement'); };
     document.createTreeWalker = () => { throw new Error('page createTreeWalker'); };
     window.requestAnimationFrame = () => 0;
     window.getComputedStyle = () => { throw new Error('page getComputedStyle'); };
   </script>`,
);

/** A strict Content-Security-Policy: no inline styles or scripts (but the page's own nonce'd one), Trusted Types on. */
export const CSP_NONCE = 'termlens-test';
export const CSP_HEADER =
  `default-src 'none'; script-src 'nonce-${CSP_NONCE}'; style-src 'self'; img-src 'none'; ` +
  `require-trusted-types-for 'script'; trusted-types 'none'`;
export const CSP_PAGE = page(
  `<p>Your HbA<sub>1c</sub> shows how well <b>insulin</b> resistance is being managed.</p>
   <p>Many people take metformin first.</p>
   <script nonce="${CSP_NONCE}">
     window.__violations = [];
     document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
   </script>`,
);

const FILLER = 'The quick brown fox jumps over the lazy dog while the kettle boils. ';

/** One text node of a million characters with a term every ten thousand. */
export const MILLION = 1_000_000;
export const MILLION_TERMS = 100;
export const HUGE_TEXT_PAGE = page(
  `<p id="huge"></p>
   <script>
     // Each chunk ends in a space, so every "metformin" stands as a word of its own.
     const chunk = ${JSON.stringify(FILLER)}.repeat(200).slice(0, ${MILLION / MILLION_TERMS - ' metformin '.length}) + ' ';
     let text = '';
     for (let i = 0; i < ${MILLION_TERMS}; i++) text += chunk + 'metformin ';
     document.getElementById('huge').appendChild(document.createTextNode(text));
   </script>`,
);

/**
 * Elements nested 10,000 deep (built by script: the HTML parser flattens deep nesting), a term at the bottom. Their
 * boxes are taken away with display: contents: Chromium's own layout crashes the tab on 2,000 nested boxes with no
 * extension at all. The text still shows, so TermLens must still mark it.
 */
export const DEPTH = 10_000;
export const DEEP_PAGE = page(
  `<style>#top * { display: contents; }</style><div id="top"></div>
   <script>
     let el = document.getElementById('top');
     for (let i = 0; i < ${DEPTH}; i++) {
       const child = document.createElement(i % 2 ? 'span' : 'div');
       if (i % 1000 === 0) child.appendChild(document.createTextNode('Level ' + i + ' mentions insulin resistance. '));
       el.appendChild(child);
       el = child;
     }
     el.appendChild(document.createTextNode('At the very bottom: metformin.'));
   </script>`,
);

/** 200,000 tiny text nodes; terms are cut across three nodes each ("met", "for", "min"). */
export const TINY_NODES = 200_000;
export const TINY_PARAGRAPHS = 200;
export const TINY_PAGE = page(
  `<div id="root"></div>
   <script>
     const words = ['Take ', 'met', 'for', 'min', ' with ', 'food', '. '];
     const root = document.getElementById('root');
     const perParagraph = ${TINY_NODES / TINY_PARAGRAPHS};
     for (let p = 0; p < ${TINY_PARAGRAPHS}; p++) {
       const para = document.createElement('p');
       for (let i = 0; i < perParagraph; i++) para.appendChild(document.createTextNode(words[i % words.length]));
       root.appendChild(para);
     }
   </script>`,
);
/** "met" "for" "min" starts at node 1 of every 7 in each paragraph; count those that end inside it. */
export const TINY_TERMS = TINY_PARAGRAPHS * (Math.floor((TINY_NODES / TINY_PARAGRAPHS - 4) / 7) + 1);

/** Right-to-left text with embedded terms. */
export const RTL_PAGE = page(
  `<p dir="rtl" lang="ar" id="ar">يتناول كثير من المرضى metformin يوميًا، ويعاني بعضهم من insulin resistance.</p>
   <p dir="rtl" lang="he" id="he">רופא בדק את רמת HbA1c שלו ואת hypoglycemia בלילה.</p>
   <p dir="auto" id="mixed">مرحبا hypoglycemia שלום metformin!</p>`,
  '<style>body{font:20px/1.6 sans-serif;margin:40px}</style>',
);

/** Emoji, surrogate pairs (whole and broken), combining marks, zero-width joiners, mathematical letters. */
export const UNICODE_PAGE = page(
  `<p id="emoji">💉metformin💉 and 👩🏽‍⚕️ checks insulin resistance 🧪.</p>
   <p id="family">👨‍👩‍👧‍👦HbA1c👨‍👩‍👧‍👦 and 🇬🇧 hypoglycemia 🇬🇧</p>
   <p id="broken"></p>
   <p id="combining">metformin\u0301 is not metformin; e\u0301metformin is not either; but metformin\u00a0is.</p>
   <p id="math">𝐦𝐞𝐭𝐟𝐨𝐫𝐦𝐢𝐧 is bold maths, not the term.</p>
   <script>
     // Lone surrogates cannot be written in UTF-8 HTML: build them in script.
     document.getElementById('broken').appendChild(document.createTextNode('\\uD83Dmetformin\\uDC00 and \\uDC00hypoglycemia\\uD83D'));
   </script>`,
);

/** Frames with less text than this are ads and widgets to TermLens: each frame here carries it to be read. */
const FRAME_PROSE =
  'It is written as an ordinary paragraph of an embedded article, long enough to be worth reading: TermLens leaves frames with less text than a couple of sentences alone, as ads and widgets are.';

/**
 * Frames of every kind: srcdoc, about:blank written by script, sandboxed, nested, and cross-origin (other port), sized
 * as embedded articles are, plus two ad-like frames TermLens must leave alone: one with a line of text only, one of an
 * ad's size (300×250) whatever its text.
 */
export function framesPage(crossOrigin: string): string {
  return page(
    `<style>iframe { width: 480px; height: 200px; }</style>
     <p>Top page mentions metformin.</p>
     <iframe id="ad-size" style="width: 300px; height: 250px" srcdoc="<p>Ad: ask your doctor about insulin.</p><p>${FRAME_PROSE}</p>"></iframe>
     <iframe id="srcdoc" srcdoc="<p>A srcdoc frame about hypoglycemia.</p><p>${FRAME_PROSE}</p>"></iframe>
     <iframe id="ad" srcdoc="<p>Ad: ask about metformin.</p>"></iframe>
     <iframe id="blank"></iframe>
     <iframe id="sandboxed" sandbox="" srcdoc="<p>A sandboxed frame about prediabetes.</p><p>${FRAME_PROSE}</p>"></iframe>
     <iframe id="nested" style="width: 640px; height: 420px" srcdoc="<p>Outer frame: HbA1c.</p><p>${FRAME_PROSE}</p><iframe style='width: 600px' srcdoc='<p>Inner frame: insulin resistance.</p><p>${FRAME_PROSE}</p>'></iframe>"></iframe>
     <iframe id="cross" src="${crossOrigin}/cross-frame.html"></iframe>
     <script>
       const doc = document.getElementById('blank').contentDocument;
       doc.open(); doc.write('<p>A script-written blank frame about ketones.</p><p>${FRAME_PROSE}</p>'); doc.close();
     </script>`,
  );
}
export const CROSS_FRAME = page(`<p>A cross-origin frame about metformin.</p><p>${FRAME_PROSE}</p>`);

/** SVG text inside HTML (not prose for reading) and a standalone SVG document. */
export const SVG_PAGE = page(
  `<p>Metformin is marked here.</p>
   <svg width="300" height="100"><text x="10" y="20">insulin resistance in SVG text</text>
     <foreignObject x="0" y="30" width="300" height="60"><p xmlns="http://www.w3.org/1999/xhtml">hypoglycemia in foreignObject</p></foreignObject></svg>
   <math><mi>HbA1c</mi></math>`,
);
export const SVG_DOCUMENT =
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100"><text x="10" y="20">metformin and insulin resistance</text></svg>';

/** A page that never stops changing: text rewritten every frame, nodes added and removed every task. */
export const MUTATING_PAGE = page(
  `<p id="ticker">Starting.</p><ul id="list"></ul><p id="static">Steady text about hypoglycemia.</p>
   <script>
     window.__frames = 0;
     window.__stop = false;
     const words = ['metformin', 'insulin resistance', 'HbA1c', 'a plain word'];
     const ticker = document.getElementById('ticker');
     const list = document.getElementById('list');
     let i = 0;
     (function frame() {
       if (window.__stop) return;
       window.__frames++;
       ticker.firstChild.data = 'Now: ' + words[i++ % words.length] + '.';
       requestAnimationFrame(frame);
     })();
     (function churn() {
       if (window.__stop) {
         ticker.firstChild.data = 'Finally: metformin.';
         list.replaceChildren();
         const li = document.createElement('li');
         li.textContent = 'Last item: insulin resistance.';
         list.appendChild(li);
         window.__settled = true;
         return;
       }
       const li = document.createElement('li');
       li.textContent = 'Item about ' + words[i % words.length];
       list.appendChild(li);
       if (list.childNodes.length > 20) list.firstChild.remove();
       setTimeout(churn, 0);
     })();
   </script>`,
);
