// Makes sure the Chromium that the demo and the end-to-end tests drive is there, installing Debian's package when
// this runs as root (a fresh machine, CI); otherwise it stops early with the one command that fixes it.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  const canApt = !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log('Chromium is missing: installing Debian\'s chromium package (apt-get)...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  }
  if (!existsSync(path)) {
    console.error(`TermLens needs Chromium at ${path}.\n  Install it: sudo apt-get update && sudo apt-get install -y chromium\n  or point CHROMIUM_PATH at a Chromium binary.`);
    process.exit(1);
  }
}
