import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { nativeExtensionApi } from '../../utils/native-api';
import { openGate, type GateApi } from '../../page/open-gate';

// The browser's own API, not the polyfill: see open-gate.ts. It is looked up only once the frame is worth asking
// about: the first touch builds the API's bindings in this frame. (GateApi types the same object as `wxt/browser`
// does, whose onMessage lets a listener answer synchronously through sendResponse.)
export default defineUnlistedScript(() => {
  void openGate(() => nativeExtensionApi() as GateApi | undefined);
});
