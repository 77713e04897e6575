import { openGate, type GateApi } from './open-gate';

// The browser's own API, not the polyfill: see open-gate.ts. Firefox names it `browser`, Chrome `chrome`. It is
// looked up only once the frame is worth asking about: the first touch builds the API's bindings in this frame.
export default defineUnlistedScript(() => {
  void openGate(() => {
    const api = (globalThis as { browser?: GateApi }).browser ?? (globalThis as unknown as { chrome?: GateApi }).chrome;
    return api?.runtime?.id ? api : undefined;
  });
});
