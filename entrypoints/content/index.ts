import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import { isHighlightingOn, marksChange, parseSettings, siteKey, type Settings } from '../../core/settings';
import { loadSettings, watchSettings } from '../../utils/settings-store';
import { askBackground, isContentRequest, type ContentReply, type ContentRequest } from '../../utils/messages';
import { isolatedRecord, recordMeasure } from '../../utils/isolated-record';
import { randomPageNames, type PageNames } from '../../utils/random-id';
import { PageController, type ControllerDeps } from '../../page/controller';

interface Running {
  stop(): void;
}

/**
 * Injected by the background into a frame whose gate (entrypoints/gate/) found text worth reading, or where the
 * reader asked to explain a selection; never declared for every page. Built as an unlisted script (wxt.config.ts
 * says why), so `browser` here is the browser's own API (./page-browser.ts).
 */
export default defineUnlistedScript(() => {
  // Injected again into the same frame (an updated extension, a second request): the newer script takes over.
  const record = isolatedRecord();
  record.running?.stop();
  record.names = randomPageNames();
  record.running = run(record.names);
});

function run(names: PageNames): Running {
  const isTop = window === window.top;
  const site = siteKey(location.href);
  let settings: Settings = parseSettings(undefined);
  let controller: PageController | null = null;

  const tellStatus = (count: number, active: boolean) => {
    if (isTop) void askBackground(browser.runtime, 'status', { count, active });
  };

  const deps: ControllerDeps = {
    doc: document,
    site,
    names,
    send: (body) => askBackground(browser.runtime, 'read', body),
    reportStatus: (count) => tellStatus(count, true),
    measure: recordMeasure,
  };

  const start = () => {
    controller = new PageController(deps, settings);
  };

  const stop = () => {
    controller?.destroy();
    controller = null;
    tellStatus(0, false);
  };

  const apply = (next: Settings) => {
    const before = settings;
    settings = next;
    const on = isHighlightingOn(next, site);
    if (!on) return stop();
    if (!controller) return start();
    if (marksChange(before, next)) {
      stop();
      start();
    } else {
      controller.updateStyle(next);
    }
  };

  // Listening comes first: the background explains a selection right after injecting this script. Whether a frame
  // answers at all is decided at once (tabs.sendMessage takes the first answer from any frame); the answer waits
  // for the settings.
  let stopped = false;
  const ready = loadSettings()
    .catch(() => settings)
    .then((loaded) => {
      if (stopped) return;
      settings = loaded;
      if (isHighlightingOn(settings, site)) start();
      else tellStatus(0, false);
    });
  // Answered through `respond`: Chrome's own onMessage ignores a returned promise.
  const onMessage = (message: unknown, _sender: unknown, respond: (reply: unknown) => void): true | undefined => {
    if (!isContentRequest(message)) return undefined;
    if (message.type === 'explain-selection') {
      if (!document.hasFocus() && !document.getSelection()?.toString().trim()) return undefined;
    } else if (!isTop) return undefined;
    void ready.then(() => respond(answer(message)));
    return true;
  };
  const answer = (message: ContentRequest): ContentReply<ContentRequest['type']> => {
    switch (message.type) {
      case 'page-terms':
        return { site, active: controller !== null, terms: controller?.pageTerms() ?? [] };
      case 'show-term':
        return controller?.showEntry(message.id) ?? false;
      case 'navigate':
        return controller?.navigate(message.direction) ?? false;
      case 'site':
        return site;
      case 'explain-selection': {
        if (controller) controller.explainSelection();
        else {
          // Highlighting is off here, but explaining what the reader selected is still wanted.
          const temp: PageController = new PageController(
            { ...deps, scan: false, onCardClosed: () => queueMicrotask(() => temp.destroy()) },
            settings,
          );
          temp.explainSelection();
        }
        return true;
      }
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  let unwatch = (): void => undefined;
  void ready.then(() => {
    if (!stopped) unwatch = watchSettings(apply);
  });
  return {
    stop: () => {
      stopped = true;
      browser.runtime.onMessage.removeListener(onMessage);
      unwatch();
      controller?.destroy();
      controller = null;
    },
  };
}
