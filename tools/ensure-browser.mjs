// Makes sure a browser that the demo and the end-to-end tests drive is there, installing Debian's package when this
// runs as root (a fresh machine, CI); otherwise it stops early with the one command that fixes it.
//   node tools/ensure-browser.mjs chromium firefox
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

/** Each browser: the variable that overrides its path, its default path and the Debian package that provides it. */
const BROWSERS = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', pkg: 'chromium', name: 'Chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', pkg: 'firefox-esr', name: 'Firefox ESR' },
};

for (const which of process.argv.slice(2)) {
  const b = BROWSERS[which];
  if (!b) throw new Error(`Unknown browser "${which}": use ${Object.keys(BROWSERS).join(' or ')}`);
  const path = process.env[b.env] ?? b.path;
  if (existsSync(path)) continue;
  const canApt = !process.env[b.env] && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canApt) {
    console.log(`${b.name} is missing: installing Debian's ${b.pkg} package (apt-get)...`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${b.pkg}`, {
      stdio: 'inherit',
    });
  }
  if (!existsSync(path)) {
    console.error(
      `TermLens needs ${b.name} at ${path}.\n  Install it: sudo apt-get update && sudo apt-get install -y ${b.pkg}\n  or point ${b.env} at a ${b.name} binary.`,
    );
    process.exit(1);
  }
}
