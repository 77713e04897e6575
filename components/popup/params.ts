/** What the popup was asked to show, from its URL: `?entry=<id>`, `?q=<text>`, `?tab=<tabId>`. */
export interface PopupParams {
  /** Open this entry straight away (the in-page popover's "Open in glossary"). */
  entryId: string | null;
  /** Start with this search (the popover's "Search the glossary"). */
  query: string;
  /** Talk to this tab instead of the active one; tests need it, since there the popup page is itself the active tab. */
  tabId: number | null;
}

export function readPopupParams(search: string): PopupParams {
  const params = new URLSearchParams(search);
  const tab = Number(params.get('tab'));
  return {
    entryId: params.get('entry') || null,
    query: params.get('q') ?? '',
    tabId: params.has('tab') && Number.isInteger(tab) && tab >= 0 ? tab : null,
  };
}
