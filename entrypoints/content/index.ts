import { browser } from 'wxt/browser';
import { loadPrecompiledMatcher } from '../../core/matcher/precompile';
import precompiled from 'virtual:termlens-matcher';
import type { Matcher } from '../../core/matcher/types';
import { isHighlightingOn, siteKey, withSite, type Settings } from '../../core/settings';
import { loadSettings, updateSettings, watchSettings } from '../../utils/settings-store';
import { isContentRequest, isEntriesReply, isValueReply, type BackgroundRequest, type LookupReply, type PageTermsReply } from '../../utils/messages';
import { PageController, type ControllerDeps } from './controller';
import { EntryStore } from './entry-store';
import { ValueStore } from './value-store';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const isTop = window === window.top;
    const site = siteKey(location.href);
    let settings = await loadSettings();
    let matcher: Matcher | null = null;
    let controller: PageController | null = null;

    const send = (message: BackgroundRequest) => browser.runtime.sendMessage(message).catch(() => undefined);
    const entries = new EntryStore((id) =>
      browser.runtime.sendMessage({ type: 'entries', id } satisfies BackgroundRequest).then((r) => (isEntriesReply(r) ? r.entries : [])),
    );

    const values = new ValueStore((match) =>
      browser.runtime.sendMessage({ type: 'explain-value', match } satisfies BackgroundRequest).then((r) => (isValueReply(r) ? r.explanation : null)),
    );

    const deps = (m: Matcher): ControllerDeps => ({
      doc: document,
      terms: precompiled.terms,
      matcher: m,
      site,
      lookup: (id) => entries.get(id),
      load: (id) => entries.load(id),
      explainValue: (match) => values.load(match),
      openGlossary: (id, query) => void send({ type: 'open-glossary', id, query }),
      disableSite: () => void updateSettings((s) => withSite(s, site, false)),
      reportStatus: (count) => {
        if (isTop) void send({ type: 'status', count, active: true });
      },
    });

    /** Loaded on first need: a site that is switched off never pays for it. Its cost is its own User Timing measure. */
    const ensureMatcher = (): Matcher => {
      if (!matcher) {
        const t0 = performance.now();
        matcher = loadPrecompiledMatcher(precompiled);
        performance.measure('termlens:compile', { start: t0, end: performance.now(), detail: matcher.stats });
      }
      return matcher;
    };

    const start = () => {
      const m = ensureMatcher();
      controller = new PageController(deps(m), settings);
    };

    const stop = () => {
      controller?.destroy();
      controller = null;
      if (isTop) void send({ type: 'status', count: 0, active: false });
    };

    const apply = (next: Settings) => {
      const before = settings;
      settings = next;
      const on = isHighlightingOn(next, site);
      if (!on) return stop();
      if (!controller) return start();
      const marksChanged =
        before.density !== next.density ||
        before.hiddenCategories.join() !== next.hiddenCategories.join() ||
        before.explainValues !== next.explainValues;
      if (marksChanged) {
        stop();
        start();
      } else {
        controller.updateStyle(next);
      }
    };

    if (isHighlightingOn(settings, site)) start();
    else if (isTop) void send({ type: 'status', count: 0, active: false });
    const unwatch = watchSettings(apply);

    const onMessage = (message: unknown): Promise<unknown> | undefined => {
      if (!isContentRequest(message)) return undefined;
      switch (message.type) {
        case 'page-terms':
          if (!isTop) return undefined;
          return Promise.resolve<PageTermsReply>({
            site,
            active: controller !== null,
            terms: controller?.pageTerms() ?? [],
          });
        case 'show-term':
          return isTop ? Promise.resolve(controller?.showEntry(message.id) ?? false) : undefined;
        case 'navigate':
          return isTop ? Promise.resolve(controller?.navigate(message.direction) ?? false) : undefined;
        case 'toggle-site':
          if (!isTop || !site) return undefined;
          return updateSettings((s) => withSite(s, site, !isHighlightingOn(s, site))).then(() => true);
        case 'explain-selection': {
          if (!document.hasFocus() && !document.getSelection()?.toString().trim()) return undefined;
          const m = ensureMatcher();
          const lookup = (text: string) =>
            browser.runtime.sendMessage({ type: 'lookup', text } satisfies BackgroundRequest).then((r) => (r as LookupReply | undefined)?.id ?? null);
          if (controller) controller.explainSelection(lookup);
          else {
            // Highlighting is off here, but explaining what the reader selected is still wanted.
            const temp: PageController = new PageController(
              { ...deps(m), scan: false, onPopoverClosed: () => queueMicrotask(() => temp.destroy()) },
              settings,
            );
            temp.explainSelection(lookup);
          }
          return Promise.resolve(true);
        }
      }
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatch();
      controller?.destroy();
    });
  },
});
