export default defineContentScript({
  matches: ['<all_urls>'],
  main() {
    performance.mark('termlens:scan-start');
    performance.measure('termlens:scan', { start: 'termlens:scan-start', detail: { chars: 0, matches: 0 } });
  },
});
