import type { CDPSession, Frame, Page } from 'playwright-core';

/**
 * A DevTools Protocol view of one page that Playwright's own events do not give: errors thrown or logged in *any*
 * JavaScript world of the page (the content script runs in an isolated world whose exceptions `pageerror` misses),
 * and evaluation inside the content script's isolated world.
 */
export interface PageInspector {
  /** Uncaught exceptions, console.error calls and browser-logged errors (CSP violations...), from every world. */
  errors: string[];
  /** The same, but only those raised in TermLens's isolated world (content script). */
  extensionErrors: string[];
  /** Every console call (of any level) made by TermLens's code in this page: there should be none. */
  extensionConsole: string[];
  /**
   * Evaluates an expression in TermLens's isolated world of the main frame (or of `frame`) and returns its JSON
   * value: where tests read what TermLens did, since nothing of it is left where the page could read it.
   */
  evaluateInExtension<T = unknown>(expression: string, frame?: Frame): Promise<T>;
  session: CDPSession;
  detach(): Promise<void>;
}

interface FrameTree {
  frame: { id: string };
  childFrames?: FrameTree[];
}

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

export async function inspectPage(page: Page, extensionId: string): Promise<PageInspector> {
  const session = await page.context().newCDPSession(page);
  const contexts = new Map<number, ContextDescription>();
  const errors: string[] = [];
  const extensionErrors: string[] = [];
  const extensionConsole: string[] = [];
  const isOurs = (contextId: number | undefined) =>
    contextId !== undefined && contexts.get(contextId)?.origin.includes(extensionId) === true;
  const record = (text: string, contextId?: number) => {
    errors.push(text);
    if (isOurs(contextId)) extensionErrors.push(text);
  };
  session.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) =>
    contexts.set(context.id, context),
  );
  // A navigated or removed frame's worlds are gone: a stale one must never be evaluated in.
  session.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) =>
    contexts.delete(executionContextId),
  );
  session.on('Runtime.executionContextsCleared', () => contexts.clear());
  session.on(
    'Runtime.exceptionThrown',
    (e: { exceptionDetails: { text: string; executionContextId?: number; exception?: { description?: string } } }) =>
      record(
        `${e.exceptionDetails.text} ${e.exceptionDetails.exception?.description ?? ''}`.trim(),
        e.exceptionDetails.executionContextId,
      ),
  );
  session.on(
    'Runtime.consoleAPICalled',
    (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
      if (isOurs(e.executionContextId))
        extensionConsole.push(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`);
      if (e.type === 'error' || e.type === 'assert')
        record(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`, e.executionContextId);
    },
  );
  session.on('Log.entryAdded', (e: { entry: { level: string; source: string; text: string; url?: string } }) => {
    // Network failures of the page's own resources (a missing favicon) are not TermLens's doing.
    if (e.entry.level === 'error' && e.entry.source !== 'network') record(`${e.entry.source}: ${e.entry.text}`);
  });
  await session.send('Runtime.enable');
  await session.send('Log.enable');

  /**
   * The DevTools frame id of a Playwright frame. Frames are told apart by a mark set in the frame's page world
   * (URLs and names repeat: about:blank and srcdoc frames), and remembered.
   */
  const frameIds = new WeakMap<Frame, string>();
  const frameIdOf = async (frame?: Frame): Promise<string> => {
    const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: FrameTree };
    if (!frame || frame === page.mainFrame()) return frameTree.frame.id;
    const ids: string[] = [];
    const visit = (t: FrameTree) => {
      ids.push(t.frame.id);
      for (const c of t.childFrames ?? []) visit(c);
    };
    visit(frameTree);
    const known = frameIds.get(frame);
    if (known && ids.includes(known)) return known;
    const mark = `m${Math.random()}`;
    await frame.evaluate((m) => ((window as unknown as { __frameMark?: string }).__frameMark = m), mark);
    for (const candidate of ids) {
      const main = [...contexts.values()].find((c) => c.auxData?.frameId === candidate && c.auxData?.isDefault);
      if (!main) continue;
      const r = (await session
        .send('Runtime.evaluate', { expression: 'window.__frameMark', contextId: main.id, returnByValue: true })
        .catch(() => null)) as {
        result: { value?: string };
      } | null;
      if (r?.result.value === mark) {
        frameIds.set(frame, candidate);
        return candidate;
      }
    }
    throw new Error(`Frame ${frame.url()} is not in the page's frame tree`);
  };

  return {
    errors,
    extensionErrors,
    extensionConsole,
    session,
    async evaluateInExtension<T>(expression: string, frame?: Frame): Promise<T> {
      const frameId = await frameIdOf(frame);
      // Not the card's own frame, whose main world also has our origin: the isolated world of the page's frame.
      const ctx = [...contexts.values()].find(
        (c) => c.origin.includes(extensionId) && c.auxData?.frameId === frameId && c.auxData?.type === 'isolated',
      );
      if (!ctx)
        throw new Error(
          `No TermLens isolated world in this page (contexts: ${[...contexts.values()].map((c) => c.origin || c.name).join(', ')})`,
        );
      const result = (await session.send('Runtime.evaluate', {
        expression,
        contextId: ctx.id,
        returnByValue: true,
        awaitPromise: true,
      })) as {
        result: { value?: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (result.exceptionDetails)
        throw new Error(`${result.exceptionDetails.text} ${result.exceptionDetails.exception?.description ?? ''}`);
      return result.result.value as T;
    },
    detach: () => session.detach().catch(() => undefined),
  };
}
