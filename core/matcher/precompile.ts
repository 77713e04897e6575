/**
 * The matcher, compiled once at build time and shipped as data. Compiling 1,300 aliases costs tens of milliseconds
 * of cold script on every page and in every frame; decoding these arrays costs a fraction of that.
 *
 * Typed arrays travel as base64 of their bytes (little-endian, as on every platform browsers run on). State numbers
 * and -1 fit in 16 bits once shifted by one while the automaton has fewer than 65,535 states, which halves the data.
 */
import type { GlossaryEntry } from '../glossary/types';
import { buildTrie, type Trie } from './trie';
import { collectPatterns, type Pattern } from './patterns';
import { assembleMatcher, compileMatcher } from './index';
import type { Matcher } from './types';

type IntArrayName = 'rootChild' | 'edgeStart' | 'edgeTo' | 'keyAt';
const INT_ARRAYS: readonly IntArrayName[] = ['rootChild', 'edgeStart', 'edgeTo', 'keyAt'];

export interface PrecompiledMatcher {
  /** Entry ids in glossary order when compiled; a different glossary must not reuse these tables. */
  entryIds: string[];
  patterns: Pattern[];
  width: number;
  states: number;
  asciiSymbols: string;
  otherSymbols: [number, number][];
  edgeSym: string;
  /** True when the state arrays are stored as 16-bit values plus one; false for 32-bit values. */
  narrow: boolean;
  ints: Record<IntArrayName, string>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

/** `Uint8Array.fromBase64` (Chromium 140+, Firefox 133+) decodes natively; older browsers take the loop. */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

function fromBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesOf(array: Int32Array | Uint16Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

export function precompileMatcher(entries: readonly GlossaryEntry[]): PrecompiledMatcher {
  const patterns = collectPatterns(entries);
  const a = buildTrie(patterns.map((p) => p.key));
  const narrow = a.states + 1 < 0xffff;
  const encode = (array: Int32Array) => toBase64(bytesOf(narrow ? Uint16Array.from(array, (v) => v + 1) : array));
  const ints = Object.fromEntries(INT_ARRAYS.map((name) => [name, encode(a[name])])) as Record<IntArrayName, string>;
  return {
    entryIds: entries.map((e) => e.id),
    patterns,
    width: a.width,
    states: a.states,
    asciiSymbols: toBase64(bytesOf(a.asciiSymbols)),
    otherSymbols: [...a.otherSymbols],
    edgeSym: toBase64(bytesOf(a.edgeSym)),
    narrow,
    ints,
  };
}

function u16(text: string): Uint16Array {
  const bytes = fromBase64(text);
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
}

/** Rebuilds the matcher from build-time data; falls back to compiling when the data was made for other entries. */
export function loadPrecompiledMatcher(entries: readonly GlossaryEntry[], data: PrecompiledMatcher): Matcher {
  if (data.entryIds.length !== entries.length || data.entryIds.some((id, i) => entries[i]?.id !== id)) {
    return compileMatcher(entries);
  }
  const int = (name: IntArrayName): Int32Array => {
    const bytes = fromBase64(data.ints[name]);
    if (!data.narrow) return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const stored = new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    const out = new Int32Array(stored.length);
    for (let i = 0; i < stored.length; i++) out[i] = (stored[i] as number) - 1;
    return out;
  };
  const trie: Trie = {
    asciiSymbols: u16(data.asciiSymbols),
    otherSymbols: new Map(data.otherSymbols),
    width: data.width,
    states: data.states,
    edgeSym: u16(data.edgeSym),
    rootChild: int('rootChild'),
    edgeStart: int('edgeStart'),
    edgeTo: int('edgeTo'),
    keyAt: int('keyAt'),
  };
  return assembleMatcher(entries, data.patterns, trie);
}
