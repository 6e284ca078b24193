// The seeded simulation behind the conditioning warning's thresholds (docs/methods.md §2.13):
//   npm run build && node scripts/conditioning-threshold.mjs [panels per cell, default 100] [B, default 500]
// For δ ∈ {0.1, 0.2, 0.5} × K ∈ {8, 14, 30} panels of the generator of §8.1 (c = 2, σ = 0.8, τ = 0.3, CXM model),
// it compares each panel's DEMATEL with the population's (classic DEMATEL of a 20,000-expert panel's mean) and
// prints, per cell (also with within-layer heterogeneity ω = 0.3) and then per band of the panel's ρ(N) and of the bootstrap's λ-elsewhere share: the mean ρ(N),
// the share of replicates whose λ comes from another row or column, how far the panel's prominence D+R is from
// the population's (relative error of its sum), and the coverage of the 95% percentile intervals of D+R and D−R.
// CXM_DIST=/path/to/dist overrides where the compiled package is read from.
const lib = await import(process.env.CXM_DIST ?? new URL("../dist/index.js", import.meta.url).href);
const { aggregate, bootstrapExperts, createRandom, defaultModel, dematel, simulatePanel } = lib;

const R = Number(process.argv[2] ?? 100);
const B = Number(process.argv[3] ?? 500);
const model = defaultModel();
const ids = model.components.map((c) => c.id);
const classic = (panel) => dematel(aggregate(panel), { components: ids });
const rows = [];
for (const omega of [0, 0.3])
  for (const delta of [0.1, 0.2, 0.5]) {
    // ω > 0: within-layer heterogeneity (§8.1), drawn once (seed 77) and given as fixed position shifts, so that
    // the population and all its panels share the components' positions.
    const z = createRandom(77);
    const gen = { delta, positionShifts: Object.fromEntries(ids.map((id) => [id, omega * z.normal()])) };
    const pop = classic(simulatePanel(model, { ...gen, expertCount: 20000, seed: 424242 }));
    const popProminence = pop.prominence.reduce((a, b) => a + b, 0);
    for (const K of [8, 14, 30]) {
      for (let r = 0; r < R; r++) {
        const panel = simulatePanel(model, { ...gen, expertCount: K, seed: 1000 * K + r + Math.round(100000 * delta) });
        const d = classic(panel);
        const boot = bootstrapExperts(panel, model, { B, seed: r + 1, baseline: d });
        const covers = (ivs, truth) => ivs.filter((iv, i) => iv.lower <= truth[i] && truth[i] <= iv.upper).length / ivs.length;
        rows.push({
          omega,
          delta,
          K,
          popRho: pop.spectralRadius,
          rho: d.spectralRadius,
          elsewhere: boot.lambdaSource.elsewhere,
          relError: d.prominence.reduce((a, b) => a + b, 0) / popProminence - 1,
          coverProminence: covers(boot.prominence, pop.prominence),
          coverRelation: covers(boot.relation, pop.relation),
        });
      }
    }
  }

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x) => `${(100 * x).toFixed(0)}%`;
const summary = (label, rs) =>
  `${label.padEnd(22)} ${String(rs.length).padStart(5)}  ${mean(rs.map((x) => x.rho)).toFixed(3)}  ${pct(mean(rs.map((x) => x.elsewhere))).padStart(5)}  ${pct(mean(rs.map((x) => x.relError))).padStart(6)}  ${pct(mean(rs.map((x) => Math.abs(x.relError)))).padStart(5)}  ${pct(mean(rs.map((x) => x.coverProminence))).padStart(5)}  ${pct(mean(rs.map((x) => x.coverRelation))).padStart(5)}`;
const header = `${"".padEnd(22)} panels  ρ(N)  λ else  D+R err |err|  cov D+R cov D−R`;
console.log(`Conditioning simulation: ${R} panels per cell, B = ${B}; population = 20,000-expert panel (seed 424242)\n`);
console.log(header);
for (const delta of [0.1, 0.2, 0.5])
  for (const K of [8, 14, 30]) {
    for (const omega of [0, 0.3]) {
      const rs = rows.filter((x) => x.delta === delta && x.K === K && x.omega === omega);
      console.log(summary(`δ ${delta} ω ${omega} K ${K} ρ₀ ${rs[0].popRho.toFixed(3)}`, rs));
    }
  }
console.log(`\nby the panel's ρ(N):\n${header}`);
const rhoBands = [0, 0.8, 0.85, 0.88, 0.9, 0.92, 1];
for (let b = 0; b + 1 < rhoBands.length; b++) {
  const rs = rows.filter((x) => x.rho >= rhoBands[b] && x.rho < rhoBands[b + 1]);
  if (rs.length) console.log(summary(`ρ in [${rhoBands[b]}, ${rhoBands[b + 1]})`, rs));
}
console.log(`\nby the share of replicates whose λ comes from another row or column:\n${header}`);
const shareBands = [0, 0.1, 0.25, 0.5, 0.75, 1.01];
for (let b = 0; b + 1 < shareBands.length; b++) {
  const rs = rows.filter((x) => x.elsewhere >= shareBands[b] && x.elsewhere < shareBands[b + 1]);
  if (rs.length) console.log(summary(`share in [${shareBands[b]}, ${Math.min(1, shareBands[b + 1])})`, rs));
}

console.log(`\nrules: share of panels flagged, and mean |D+R error| of flagged / unflagged panels:`);
for (const rhoCut of [0.75, 0.8, 0.85])
  for (const shareCut of [0.5, 0.6, 0.7, Infinity]) {
    const flag = (x) => x.rho >= rhoCut || x.elsewhere >= shareCut;
    const on = rows.filter(flag);
    const off = rows.filter((x) => !flag(x));
    const err = (rs) => (rs.length ? pct(mean(rs.map((x) => Math.abs(x.relError)))) : "–");
    const byDelta = [0.1, 0.2, 0.5]
      .map((d) => `δ ${d}: ${pct(rows.filter((x) => x.delta === d && flag(x)).length / rows.filter((x) => x.delta === d).length)}`)
      .join(", ");
    console.log(`  ρ ≥ ${rhoCut} or share ≥ ${shareCut}: flagged ${pct(on.length / rows.length)} (${byDelta}); |err| ${err(on)} / ${err(off)}`);
  }
console.log(`\npanels flagged by the share alone (ρ(N) below the cut): count and mean |D+R error|`);
for (const rhoCut of [0.8])
  for (const shareCut of [0.5, 0.6, 0.7]) {
    const below = rows.filter((x) => x.rho < rhoCut);
    const only = below.filter((x) => x.elsewhere >= shareCut);
    const rest = below.filter((x) => x.elsewhere < shareCut);
    const err = (rs) => (rs.length ? pct(mean(rs.map((x) => Math.abs(x.relError)))) : "–");
    console.log(
      `  ρ < ${rhoCut}, share ≥ ${shareCut}: ${only.length} of ${below.length} panels, |err| ${err(only)} (the others ${err(rest)}); D+R coverage ${only.length ? pct(mean(only.map((x) => x.coverProminence))) : "–"} / ${pct(mean(rest.map((x) => x.coverProminence)))}`,
    );
  }
