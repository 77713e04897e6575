declare module 'virtual:termlens-matcher' {
  import type { PrecompiledMatcher } from '../core/matcher/precompile';
  const data: PrecompiledMatcher;
  export default data;
}
