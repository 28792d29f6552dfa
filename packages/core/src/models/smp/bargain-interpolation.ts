/**
 * KTAB's bargain interpolation: the point two actors i and j would agree on, per dimension, from
 * their positions, saliences and i's estimated chance p of winning (j's is 1 − p).
 * Source: KTAB `SMPState::interpolateBrgn`, `interpBrgnSnPm`, `interpBrgnS2PMax`
 * (examples/smp/libsrc/smpbcn.cpp, commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.5.
 * Method: Wise, "Multidimensional Bargaining Using KTAB" (KAPSARC).
 */

/**
 * KTAB's rounding of S1P1/S2P2 bargains to 4 decimals on [0,1]: trunc(0.5 + 10000x)/10000.
 * Source: KTAB `SMPState::interpolateBrgn`, `interpBrgnSnPm` (examples/smp/libsrc/smpbcn.cpp;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.5. Method: Wise, "Multidimensional
 * Bargaining Using KTAB".
 */
export function round4(x: number): number {
  return Math.trunc(0.5 + 10000 * x) / 10000;
}

/**
 * Write i's and j's bargain positions (m coordinates each, at `outI`/`outJ` + `oo`).
 * `mode` is the InterVecBrgn index: S1P1 (0) / S2P2 (1, default) with e = 1 or 2:
 * wI = s_ik^e·p^e, wJ = s_jk^e·(1−p)^e, b_ik = round4(((wI+ε)x_ik + wJ·x_jk)/(wI+ε+wJ)),
 * b_jk = round4((wI·x_ik + (ε+wJ)x_jk)/(wI+ε+wJ)), ε = 1e-6 — the two points differ only through
 * ε. S2PMax (2): dI = max(0, (1−p) − p), dJ = max(0, p − (1−p)), i moves the fraction
 * dI·s_jk²/(dI·s_jk² + ε + (1−dI)·s_ik²) of the way to x_j, and symmetrically for j; no rounding.
 * `s` and `x` are actor-major (row length m); `si`/`sj` are the two actors' indices.
 * Source: KTAB `SMPState::interpolateBrgn`, `interpBrgnSnPm` (examples/smp/libsrc/smpbcn.cpp;
 * commit 3b5b063); spec `docs/research/spec-ktab-smp.md` §5.5. Method: Wise, "Multidimensional
 * Bargaining Using KTAB".
 */
export function interpolateBargain(
  mode: number,
  m: number,
  s: Float64Array,
  x: Float64Array,
  si: number,
  sj: number,
  p: number,
  outI: Float64Array,
  outJ: Float64Array,
  oo: number,
): void {
  const eps = 1e-6;
  const q = 1 - p;
  const io = si * m;
  const jo = sj * m;
  if (mode === 2) {
    const dI = Math.max(0, q - p);
    const dJ = Math.max(0, p - q);
    for (let k = 0; k < m; k++) {
      const sik = s[io + k] as number;
      const sjk = s[jo + k] as number;
      const xi = x[io + k] as number;
      const xj = x[jo + k] as number;
      const si2 = sik * sik;
      const sj2 = sjk * sjk;
      const di = (dI * sj2) / (dI * sj2 + eps + (1 - dI) * si2);
      const dj = (dJ * si2) / (dJ * si2 + eps + (1 - dJ) * sj2);
      outI[oo + k] = xi + di * (xj - xi);
      outJ[oo + k] = xj + dj * (xi - xj);
    }
    return;
  }
  const e = mode === 0 ? 1 : 2;
  for (let k = 0; k < m; k++) {
    const sik = s[io + k] as number;
    const sjk = s[jo + k] as number;
    const xi = x[io + k] as number;
    const xj = x[jo + k] as number;
    const wI = e === 1 ? sik * p : sik ** 2 * p ** 2;
    const wJ = e === 1 ? sjk * q : sjk ** 2 * q ** 2;
    const den = wI + eps + wJ;
    outI[oo + k] = round4(((wI + eps) * xi + wJ * xj) / den);
    outJ[oo + k] = round4((wI * xi + (eps + wJ) * xj) / den);
  }
}
