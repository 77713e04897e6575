/**
 * A random name of lowercase letters. `crypto.randomUUID` exists only in secure contexts, and content scripts run in
 * plain-http pages too; `getRandomValues` works everywhere.
 */
export function randomLetters(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => letters[b % 26]).join('');
}
