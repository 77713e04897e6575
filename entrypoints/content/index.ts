import { browser } from 'wxt/browser';
import { isHighlightingOn, siteKey, type Settings } from '../../core/settings';
import { loadSettings, watchSettings } from '../../utils/settings-store';
import { isContentRequest, isReadReply, type BackgroundRequest, type PageTermCount, type PageTermsReply } from '../../utils/messages';
import { PageController, type ControllerDeps } from './controller';

/**
 * A frame with less text than this does nothing more (ad frames, widgets, trackers): about two sentences, fewer than
 * any paragraph that could hold a term worth explaining. The top frame always reads its page.
 */
export const MIN_FRAME_TEXT = 200;
/** A frame its parent fills by script after load (about:blank frames written by the parent) gets a second look this much later. */
export const SECOND_LOOK_MS = 1000;

/** One cheap look at a frame's text (textContent needs no layout), and one more a moment later if it was short. */
async function worthReading(): Promise<boolean> {
  const enough = () => (document.body?.textContent?.length ?? 0) >= MIN_FRAME_TEXT;
  if (enough()) return true;
  await new Promise((ok) => setTimeout(ok, SECOND_LOOK_MS));
  return enough();
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const isTop = window === window.top;
    if (!isTop && !(await worthReading())) return;
    const site = siteKey(location.href);
    let settings = await loadSettings();
    let controller: PageController | null = null;

    const send = (message: BackgroundRequest) => browser.runtime.sendMessage(message).catch(() => undefined);

    const deps: ControllerDeps = {
      doc: document,
      site,
      send: (request) => browser.runtime.sendMessage(request).then((r) => (isReadReply(r) ? r : undefined)),
      reportStatus: (count) => {
        if (isTop) void send({ type: 'status', count, active: true });
      },
      measure: (name, start, detail) => performance.measure(name, { start, end: performance.now(), detail }),
    };

    const start = () => {
      controller = new PageController(deps, settings);
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
          return Promise.resolve<PageTermsReply<PageTermCount>>({
            site,
            active: controller !== null,
            terms: controller?.pageTerms() ?? [],
          });
        case 'show-term':
          return isTop ? Promise.resolve(controller?.showEntry(message.id) ?? false) : undefined;
        case 'navigate':
          return isTop ? Promise.resolve(controller?.navigate(message.direction) ?? false) : undefined;
        case 'site':
          return isTop ? Promise.resolve(site) : undefined;
        case 'explain-selection': {
          if (!document.hasFocus() && !document.getSelection()?.toString().trim()) return undefined;
          if (controller) controller.explainSelection();
          else {
            // Highlighting is off here, but explaining what the reader selected is still wanted.
            const temp: PageController = new PageController(
              { ...deps, scan: false, onCardClosed: () => queueMicrotask(() => temp.destroy()) },
              settings,
            );
            temp.explainSelection();
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
