/**
 * Types for mathjs's single-file build (`mathjs/lib/browser/math.js`), which ships none of its own: it is the
 * package's default instance, whose `create` makes a new instance from every function (its factories are built
 * in: it has no `all` to pass).
 */
declare module 'mathjs/lib/browser/math.js' {
  import type { ConfigOptions, MathJsInstance } from 'mathjs';

  const math: MathJsInstance & { create(factories?: undefined, config?: ConfigOptions): MathJsInstance };
  export default math;
}
