declare module 'virtual:termlens-matcher' {
  import type { PrecompiledMatcher } from '../core/matcher/precompile';
  const data: PrecompiledMatcher;
  export default data;
}

/** The misspelling finder's `FuzzyData`, as JSON. */
declare module 'virtual:termlens-fuzzy' {
  const json: string;
  export default json;
}

/** The Spanish wordings' `PrecompiledMatcher`, as JSON. */
declare module 'virtual:termlens-matcher-es' {
  const json: string;
  export default json;
}
