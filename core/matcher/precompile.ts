/**
 * The matcher, compiled once at build time and shipped as data. Compiling 1,300 aliases costs tens of milliseconds
 * of cold script on every page and in every frame; decoding these arrays costs a fraction of that.
 *
 * Typed arrays travel as base64 of their bytes (little-endian, as on every platform browsers run on).
 */
import type { GlossaryEntry } from '../glossary/types';
import { buildAutomaton, type Automaton } from './automaton';
import { collectPatterns, type Pattern } from './patterns';
import { assembleMatcher, compileMatcher } from './index';
import type { Matcher } from './types';

type IntArrayName = 'rootChild' | 'edgeStart' | 'edgeTo' | 'fail' | 'keyAt' | 'firstOutput' | 'nextOutput';
const INT_ARRAYS: readonly IntArrayName[] = ['rootChild', 'edgeStart', 'edgeTo', 'fail', 'keyAt', 'firstOutput', 'nextOutput'];

export interface PrecompiledMatcher {
  /** Entry ids in glossary order when compiled; a different glossary must not reuse these tables. */
  entryIds: string[];
  patterns: Pattern[];
  width: number;
  states: number;
  asciiSymbols: string;
  otherSymbols: [number, number][];
  edgeSym: string;
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
  const a = buildAutomaton(patterns.map((p) => p.key));
  const ints = Object.fromEntries(INT_ARRAYS.map((name) => [name, toBase64(bytesOf(a[name]))])) as Record<IntArrayName, string>;
  return {
    entryIds: entries.map((e) => e.id),
    patterns,
    width: a.width,
    states: a.states,
    asciiSymbols: toBase64(bytesOf(a.asciiSymbols)),
    otherSymbols: [...a.otherSymbols],
    edgeSym: toBase64(bytesOf(a.edgeSym)),
    ints,
  };
}

/** Rebuilds the matcher from build-time data; falls back to compiling when the data was made for other entries. */
export function loadPrecompiledMatcher(entries: readonly GlossaryEntry[], data: PrecompiledMatcher): Matcher {
  if (data.entryIds.length !== entries.length || data.entryIds.some((id, i) => entries[i]?.id !== id)) {
    return compileMatcher(entries);
  }
  const int = (name: IntArrayName) => new Int32Array(fromBase64(data.ints[name]).buffer);
  const automaton: Automaton = {
    asciiSymbols: new Uint16Array(fromBase64(data.asciiSymbols).buffer),
    otherSymbols: new Map(data.otherSymbols),
    width: data.width,
    states: data.states,
    edgeSym: new Uint16Array(fromBase64(data.edgeSym).buffer),
    rootChild: int('rootChild'),
    edgeStart: int('edgeStart'),
    edgeTo: int('edgeTo'),
    fail: int('fail'),
    keyAt: int('keyAt'),
    firstOutput: int('firstOutput'),
    nextOutput: int('nextOutput'),
  };
  return assembleMatcher(entries, data.patterns, automaton);
}
