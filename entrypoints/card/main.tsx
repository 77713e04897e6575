import { render } from 'preact';
import { isRecord } from '../../core/guards';
import { POPOVER_CSS } from '../../components/popover-styles';
import { CardApp, CARD_FRAME_CSS } from '../../components/card/CardApp';
import { isToCard, type FromCard, type ToCard } from '../../components/card/protocol';

/**
 * The explanation card, as an extension page framed in the reader's page: the page cannot read it, change it or
 * script it. It listens to one MessagePort only, the one handed over with the token in its own address.
 */
const token = location.hash.slice(1);
const host = document.getElementById('card')!;
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(POPOVER_CSS + CARD_FRAME_CSS);
root.adoptedStyleSheets = [sheet];
const mount = document.createElement('div');
root.append(mount);

let port: MessagePort | null = null;

// Escape closes the card wherever focus is in its frame (the card's own handler only sees keys from inside it).
addEventListener('keydown', (event: KeyboardEvent) => {
  if (event.key === 'Escape' && !event.defaultPrevented)
    port?.postMessage({ type: 'close', restoreFocus: true } satisfies FromCard);
});

addEventListener('message', (event: MessageEvent) => {
  const offered = event.ports[0];
  // Only from the frame that holds us, and only once: our content script, which alone knows the token.
  if (port || !offered || event.source !== parent || !token || !isRecord(event.data) || event.data.token !== token)
    return;
  port = offered;
  const send = (message: FromCard) => port?.postMessage(message);
  let current: Extract<ToCard, { type: 'render' }> | null = null;
  let shown: Extract<ToCard, { type: 'shown' }> | null = null;
  const draw = () => {
    if (current)
      render(
        <CardApp
          request={current}
          shown={shown?.serial === current.serial ? shown : null}
          root={root}
          host={host}
          send={send}
        />,
        mount,
      );
  };
  port.onmessage = ({ data }: MessageEvent) => {
    if (!isToCard(data)) return;
    if (data.type === 'closed') {
      current = shown = null;
      render(null, mount);
      return;
    }
    if (data.type === 'render') {
      current = data;
      shown = null;
    } else shown = data;
    draw();
  };
});
