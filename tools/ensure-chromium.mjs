// Fails early, with the fix, when the browser the end-to-end tests need is missing.
import { existsSync } from 'node:fs';
const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`TermLens end-to-end tests need Chromium at ${path}.\n  Install it: sudo apt-get update && sudo apt-get install -y chromium\n  or point CHROMIUM_PATH at a Chromium binary.`);
  process.exit(1);
}
