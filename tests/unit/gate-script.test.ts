/**
 * The gate script (page/open-gate.ts) in happy-dom, against a background that answers as the real one:
 * what it asks, when it asks again, and what it tells the popup before the content script takes over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ASK_CHARS, FOLLOW_MS, openGate, type GateApi } from '../../page/open-gate';
import type { GateReply } from '../../utils/messages';
import { isolatedRecord } from '../../utils/isolated-record';

type Listener = (message: unknown, sender: unknown, respond: (reply: unknown) => void) => unknown;

/** `verdict` decides each answer from the text asked about; `fail` makes that many sends reject first. */
function fakeApi(verdict: (text: string) => GateReply['verdict'], fail = 0, delay: (text: string) => number = () => 0) {
  const asked: string[] = [];
  const messageListeners = new Set<Listener>();
  const storageListeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
  const api = {
    runtime: {
      id: 'termlens-test',
      sendMessage: async (message: { text: string }) => {
        if (fail-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
        asked.push(message.text);
        await new Promise((ok) => setTimeout(ok, delay(message.text)));
        return { verdict: verdict(message.text) };
      },
      onMessage: {
        addListener: (l: Listener) => messageListeners.add(l),
        removeListener: (l: Listener) => messageListeners.delete(l),
      },
    },
    storage: {
      onChanged: {
        addListener: (l: (c: Record<string, unknown>, a: string) => void) => storageListeners.add(l),
        removeListener: (l: (c: Record<string, unknown>, a: string) => void) => storageListeners.delete(l),
      },
    },
  } as unknown as GateApi;
  /** What the top frame answers the popup, or undefined when it leaves the answer to the content script. */
  const askPage = (type: string): unknown => {
    let reply: unknown;
    for (const l of messageListeners) l({ type }, {}, (r) => (reply = r));
    return reply;
  };
  const changeSettings = () => storageListeners.forEach((l) => l({ settings: { newValue: {} } }, 'local'));
  return { api, asked, askPage, changeSettings, listening: () => messageListeners.size };
}

const gateMeasures = () => isolatedRecord().measures.filter((m) => m.name === 'gate').length;
const settle = (ms = 0) => new Promise((ok) => setTimeout(ok, ms));

afterEach(() => {
  document.body.innerHTML = '';
  isolatedRecord().measures.length = 0;
});

describe('the gate script', () => {
  it('asks once with the page’s text and hands the page over when the background reads it', async () => {
    document.body.innerHTML = '<p>Metformin lowers <b>HbA<sub>1c</sub></b>.</p>';
    const bg = fakeApi(() => 'read');
    await openGate(() => bg.api);
    expect(bg.asked).toEqual(['Metformin lowers HbA1c.']);
    expect(bg.listening()).toBe(0); // the content script answers the popup from now on
    expect(gateMeasures()).toBe(0);
  });

  it('on a page with nothing to read, says so once and asks again about text the page adds', async () => {
    document.body.innerHTML = '<p>The council voted on the tram line.</p>';
    const bg = fakeApi((text) => (text.includes('insulin') ? 'read' : 'quiet'));
    await openGate(() => bg.api);
    expect(gateMeasures()).toBe(1);
    expect(bg.askPage('page-terms')).toEqual({ site: expect.any(String), active: true, terms: [] });
    const p = document.createElement('p');
    p.textContent = 'Later: insulin.';
    document.body.append(p);
    await settle(FOLLOW_MS + 50);
    expect(bg.asked).toEqual(['The council voted on the tram line.', 'Later: insulin.']);
    expect(bg.listening()).toBe(0);
    p.textContent = 'More text after the hand-over.';
    await settle(FOLLOW_MS + 50);
    expect(bg.asked.length).toBe(2);
  });

  it('on a site turned off, tells the popup so and asks again when the settings change', async () => {
    document.body.innerHTML = '<p>Insulin resistance.</p>';
    let on = false;
    const bg = fakeApi(() => (on ? 'read' : 'off'));
    await openGate(() => bg.api);
    expect(bg.askPage('page-terms')).toMatchObject({ active: false });
    expect(typeof bg.askPage('site')).toBe('string');
    expect(gateMeasures()).toBe(0);
    on = true;
    bg.changeSettings();
    await settle();
    expect(bg.asked.length).toBe(2);
    expect(bg.listening()).toBe(0);
  });

  it('asks about a long page part by part, parts overlapping, until one is read', async () => {
    const filler = 'Plain words about the weather and the trains. ';
    document.body.innerHTML = `<p>${filler.repeat(Math.ceil((ASK_CHARS * 2) / filler.length))}</p><p>insulin</p><p>${filler.repeat(100)}</p>`;
    const bg = fakeApi((text) => (text.includes('insulin') ? 'read' : 'quiet'));
    await openGate(() => bg.api);
    expect(bg.asked.length).toBe(3);
    expect(bg.asked.every((t) => t.length <= ASK_CHARS)).toBe(true);
    expect(bg.asked[0]!.slice(-200)).toBe(bg.asked[1]!.slice(0, 200)); // the parts overlap
    expect(bg.listening()).toBe(0);
  });

  it('once the page is handed over, a slower answer about other text changes nothing', async () => {
    document.body.innerHTML = '<p>Plain words.</p><div id="host"></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>More plain words.</p>';
    const bg = fakeApi(
      (text) => (text.includes('insulin') ? 'read' : 'quiet'),
      0,
      (text) => (text.includes('More plain') ? 500 : 0),
    );
    await openGate(() => bg.api);
    const p = document.createElement('p');
    p.textContent = 'Later: insulin.';
    document.body.append(p); // asked about, and read, while the shadow root's slower question is still out
    await settle(700);
    expect(bg.asked).toEqual(['Plain words.', '\u0000More plain words.', 'Later: insulin.']);
    expect(bg.listening()).toBe(0);
    expect(gateMeasures()).toBe(1);
  });

  it('tries again while the background is waking up', async () => {
    document.body.innerHTML = '<p>Insulin.</p>';
    const bg = fakeApi(() => 'read', 2);
    await openGate(() => bg.api);
    expect(bg.asked).toEqual(['Insulin.']);
  });

  it('asks about the text of open shadow roots, which the page’s textContent leaves out', async () => {
    document.body.innerHTML = '<p>Plain words.</p><div id="host"></div><ul><li><x-card></x-card></li></ul>';
    const host = document.getElementById('host')!.attachShadow({ mode: 'open' });
    host.innerHTML = '<p>hypoglycemia</p><span id="inner"></span>';
    host.getElementById('inner')!.attachShadow({ mode: 'open' }).innerHTML = 'nested';
    document.querySelector('x-card')!.attachShadow({ mode: 'open' }).innerHTML = 'in a custom element';
    const bg = fakeApi((text) => (text.includes('hypoglycemia') ? 'read' : 'quiet'));
    await openGate(() => bg.api);
    await settle();
    expect(bg.asked).toEqual(['Plain words.', '\u0000hypoglycemia\u0000nested\u0000in a custom element']);
    expect(bg.listening()).toBe(0);
  });
});
