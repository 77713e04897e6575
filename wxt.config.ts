import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { loadGlossaryFromDisk, loadNamesFromDisk } from './tools/load-glossary';
import { precompileMatcher } from './core/matcher/precompile';
import { loadFuzzyDataFromDisk } from './tools/fuzzy-data';
import { resolve as resolvePath } from 'node:path';

/** The entrypoints that run in the reader's page: every byte and millisecond of theirs is the page's. */
const PAGE_SCRIPTS = new Set(['gate', 'content']);

/** `virtual:termlens-matcher`: the term matcher compiled at build time, so pages only decode it. */
function precompiledMatcher(): Plugin {
  const id = 'virtual:termlens-matcher';
  return {
    name: 'termlens-precompiled-matcher',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      // JSON.parse of a string literal is much faster for V8 to load than the same data as an object literal.
      resolved === `\0${id}`
        ? `export default JSON.parse(${JSON.stringify(JSON.stringify(precompileMatcher(loadGlossaryFromDisk())))});`
        : undefined,
  };
}

/**
 * `virtual:termlens-matcher-es`: the same for the Spanish wordings, as a JSON string the background parses the first
 * time it reads a Spanish block, so a worker that only meets English pages never decodes it.
 */
function precompiledSpanishMatcher(): Plugin {
  const id = 'virtual:termlens-matcher-es';
  return {
    name: 'termlens-precompiled-matcher-es',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export default ${JSON.stringify(JSON.stringify(precompileMatcher(loadGlossaryFromDisk(), 'es')))};`
        : undefined,
  };
}

/**
 * `virtual:termlens-fuzzy`: the misspelling finder's data (core/fuzzy), built from the glossary and an English word
 * list at build time; only the words near an alias ship, to the background alone. It is a JSON string the background
 * parses when a page is first read, not at start: a worker woken only for gates (pages with nothing to read) skips it.
 */
function misspellingData(): Plugin {
  const id = 'virtual:termlens-fuzzy';
  return {
    name: 'termlens-misspelling-data',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}` ? `export default ${JSON.stringify(JSON.stringify(loadFuzzyDataFromDisk()))};` : undefined,
  };
}

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Every module imports what it uses: with auto-imports, each export of components/ and utils/ became a global.
  imports: false,
  // No module-preload polyfill: every browser TermLens supports preloads natively, and the polyfill is the only
  // fetch() in the bundle (tests/e2e/privacy.test.ts checks that the shipped code has no network API at all).
  // TERMLENS_NO_MINIFY=1 keeps function names readable in profiles.
  vite: () => ({
    plugins: [preact(), precompiledMatcher(), precompiledSpanishMatcher(), misspellingData()],
    build: { modulePreload: { polyfill: false }, ...(process.env.TERMLENS_NO_MINIFY ? { minify: false } : {}) },
  }),
  hooks: {
    // The content script is injected by the background where the gate found text worth reading, never declared.
    // Built as an unlisted script, it runs without WXT's content-script context: that context costs a page about
    // 2 ms and tells the page our extension id (a DOM event and a window message named after it).
    'entrypoints:found': (_wxt, infos) => {
      for (const info of infos) if (info.name === 'content') info.type = 'unlisted-script';
    },
    // The gate runs in every page and frame, the content script in every page with terms (PAGE_SCRIPTS):
    // - they use the browser's own API, not the polyfill (entrypoints/content/page-browser.ts says why);
    // - terser makes them about 3% smaller than esbuild, which the other entrypoints keep for speed. Both rename
    //   private (#) class members. pure_getters: these scripts read no property for its side effects (they never
    //   read layout to force it).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((e) => PAGE_SCRIPTS.has(e.name))) return;
      const alias = config.resolve?.alias ?? {};
      const rest = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: resolvePath('entrypoints/content/page-browser.ts') }, ...rest],
      };
      if (!process.env.TERMLENS_NO_MINIFY) {
        config.build = {
          ...config.build,
          minify: 'terser',
          terserOptions: { ecma: 2020, compress: { passes: 3, pure_getters: true } },
        };
      }
    },
    // A malformed glossary entry fails every build (dev, build, zip) with a message naming the entry and field.
    'build:before': () => {
      loadGlossaryFromDisk();
      loadNamesFromDisk();
    },
  },
  // The sources zip Firefox's reviewers get: the code and the glossary, not what the demo, tests and tools leave behind.
  zip: { excludeSources: ['demo-output/**', 'test-output/**', '.bench/**', 'tools/scratch/**', '*.log'] },
  manifest: ({ browser, manifestVersion }) => ({
    // The manifest's words are in public/_locales/<lang>/messages.json, in the browser's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // "scripting" and the host permission let the background inject the content script where the gate found text
    // worth reading: the same reach as the gate, declared for every page.
    permissions: ['storage', 'contextMenus', 'scripting'],
    host_permissions: ['<all_urls>'],
    // The gate (entrypoints/gate/) is the one script declared for every page and frame. It is an unlisted script
    // declared here by hand because a WXT content script brings a context that costs each frame about 2 ms and
    // posts our extension id to the page. It runs once the document is parsed (document_end, at DOMContentLoaded):
    // it only reads, and the reader sees marks before the page's images have loaded.
    content_scripts: [
      { matches: ['<all_urls>'], js: ['gate.js'], all_frames: true, match_about_blank: true, run_at: 'document_end' },
    ],
    // The explanation card is an extension page framed in the reader's page (see page/card-host.ts).
    // Chrome's dynamic URL changes every session and is known only to our own scripts (runtime.getURL): a page can
    // neither probe for TermLens by loading card.html nor frame a card of its own. Firefox's extension origin is a
    // random id per install already.
    web_accessible_resources:
      browser === 'firefox' && manifestVersion === 2
        ? (['card.html'] as never)
        : [{ resources: ['card.html'], matches: ['<all_urls>'], use_dynamic_url: true }],
    action: { default_title: '__MSG_glossaryTitle__' },
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_commandNextTerm__',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_commandPreviousTerm__',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleSite__',
      },
      'explain-selection': {
        description: '__MSG_commandExplainSelection__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'termlens@termlens.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
