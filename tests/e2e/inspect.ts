import type { CDPSession, Page } from 'playwright-core';

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
  /** Evaluates an expression in TermLens's isolated world of the main frame and returns its JSON value. */
  evaluateInExtension<T = unknown>(expression: string): Promise<T>;
  session: CDPSession;
  detach(): Promise<void>;
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
  const isOurs = (contextId: number | undefined) => contextId !== undefined && contexts.get(contextId)?.origin.includes(extensionId) === true;
  const record = (text: string, contextId?: number) => {
    errors.push(text);
    if (isOurs(contextId)) extensionErrors.push(text);
  };
  session.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => contexts.set(context.id, context));
  session.on('Runtime.exceptionThrown', (e: { exceptionDetails: { text: string; executionContextId?: number; exception?: { description?: string } } }) =>
    record(`${e.exceptionDetails.text} ${e.exceptionDetails.exception?.description ?? ''}`.trim(), e.exceptionDetails.executionContextId),
  );
  session.on('Runtime.consoleAPICalled', (e: { type: string; executionContextId: number; args: { value?: unknown; description?: string }[] }) => {
    if (e.type === 'error' || e.type === 'assert') record(`console.${e.type}: ${e.args.map((a) => a.value ?? a.description).join(' ')}`, e.executionContextId);
  });
  session.on('Log.entryAdded', (e: { entry: { level: string; source: string; text: string; url?: string } }) => {
    // Network failures of the page's own resources (a missing favicon) are not TermLens's doing.
    if (e.entry.level === 'error' && e.entry.source !== 'network') record(`${e.entry.source}: ${e.entry.text}`);
  });
  await session.send('Runtime.enable');
  await session.send('Log.enable');

  const { frameTree } = (await session.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const mainFrameId = frameTree.frame.id;

  return {
    errors,
    extensionErrors,
    session,
    async evaluateInExtension<T>(expression: string): Promise<T> {
      const ctx = [...contexts.values()].find((c) => c.origin.includes(extensionId) && c.auxData?.frameId === mainFrameId);
      if (!ctx) throw new Error(`No TermLens isolated world in this page (contexts: ${[...contexts.values()].map((c) => c.origin || c.name).join(', ')})`);
      const result = (await session.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true })) as {
        result: { value?: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (result.exceptionDetails) throw new Error(`${result.exceptionDetails.text} ${result.exceptionDetails.exception?.description ?? ''}`);
      return result.result.value as T;
    },
    detach: () => session.detach().catch(() => undefined),
  };
}
