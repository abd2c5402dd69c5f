// Limited-memory BFGS for a smooth objective over a flat parameter vector: the pair model's fit
// runs it full-batch, so the weights are the optimum of the stated objective (loss + L2), not
// wherever a number of SGD epochs happened to stop. Deterministic: no randomness, fixed order.

/** f(x, g) returns the objective at x and writes its gradient into g. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export type LbfgsOptions = { maxIter: number; memory?: number; tol?: number };
export type LbfgsResult = { x: Float64Array; f: number; iterations: number; converged: boolean };

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function lbfgs(f: Objective, x0: Float64Array, opts: LbfgsOptions): LbfgsResult {
  const n = x0.length,
    m = opts.memory ?? 10,
    tol = opts.tol ?? 1e-9;
  let x = Float64Array.from(x0),
    g = new Float64Array(n);
  let fx = f(x, g);
  const S: Float64Array[] = [],
    Y: Float64Array[] = [],
    rho: number[] = [];
  const d = new Float64Array(n),
    alpha = new Array<number>(m).fill(0);
  let xn = new Float64Array(n),
    gn = new Float64Array(n);
  let iterations = 0,
    converged = false;
  for (; iterations < opts.maxIter; iterations++) {
    // Two-loop recursion: d = -H g.
    for (let i = 0; i < n; i++) d[i] = -g[i];
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot(S[k], d);
      const y = Y[k];
      for (let i = 0; i < n; i++) d[i] -= alpha[k] * y[i];
    }
    if (S.length) {
      const last = S.length - 1,
        gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k] * dot(Y[k], d),
        s = S[k];
      for (let i = 0; i < n; i++) d[i] += (alpha[k] - beta) * s[i];
    }
    let gtd = dot(g, d);
    if (!(gtd < 0)) {
      // Not a descent direction (curvature lost): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      gtd = dot(g, d);
    }
    // Backtracking line search (Armijo); the first step is scaled to the gradient's size.
    let step = S.length ? 1 : Math.min(1, 1 / Math.sqrt(dot(g, g)));
    let fn = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xn[i] = x[i] + step * d[i];
      fn = f(xn, gn);
      if (fn <= fx + 1e-4 * step * gtd) break;
      step *= 0.5;
    }
    if (!(fn <= fx)) {
      converged = true;
      break;
    } // no progress possible along any tried step
    const s = new Float64Array(n),
      y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i] - x[i];
      y[i] = gn[i] - g[i];
    }
    const ys = dot(y, s);
    if (ys > 1e-12) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / ys);
    }
    const drop = fx - fn;
    [x, xn] = [xn, x];
    [g, gn] = [gn, g];
    fx = fn;
    if (drop <= tol * Math.max(1, Math.abs(fx))) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { x, f: fx, iterations, converged };
}
