import { openGate, type GateApi } from './open-gate';

// The browser's own API, not the polyfill: see open-gate.ts. Firefox names it `browser`, Chrome `chrome`.
export default defineUnlistedScript(() => {
  const api = (globalThis as { browser?: GateApi }).browser ?? (globalThis as unknown as { chrome?: GateApi }).chrome;
  if (api?.runtime?.id) void openGate(api);
});
