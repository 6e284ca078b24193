/**
 * Help texts of the cxm-dematel command line, one per command. `--help`
 * prints them on stdout; a usage error prints them on stderr.
 */
export const USAGE: Record<string, string> = {
  main: `Usage: cxm-dematel <command> [options]

DEMATEL influence analysis of expert surveys, and tests of whether a proposed
layered model holds (default: the CXM model of Mardazad Navi et al. 2024).

Commands:
  analyze [survey]   full analysis: report.html, results.json and CSV tables
  check <survey>     validate a survey only, listing every problem
  template           write a blank survey to hand to experts
  layers [survey]    does the proposed layering hold? (exact tests, bootstrap)
  power              how many experts a study needs (simulated power curve)
  ism <file.csv>     ISM levels and MICMAC from experts' SSIMs or a reachability matrix
  readiness <scores.csv> [survey]   one organisation's gaps, readiness index and improvement order
  compare [survey] [second]   do two groups of experts see a different structure? (permutation test)

Options: --help (for any command), --version, --debug (stack traces).
With no survey, analyze, layers and readiness use the shipped SYNTHETIC example panel, compare its two-group panel.
Exit status: 0 success, 1 bad input, 2 wrong usage, 3 internal error.`,

  analyze: `Usage: cxm-dematel analyze [survey.csv] [options]

Reads the survey (default: the shipped SYNTHETIC example panel) and writes
report.html, results.json, total-relation.csv, components.csv and edges.csv
to the output folder. Input files are never modified.

Input:
  --model <file.json>         model file (default: the embedded CXM model)
  --scale <min:max>           rating scale (default 0:4)
  --scale <file.json>         linguistic scale of a fuzzy or grey survey (default: the built-in five-term scale)
  --impute mean               fill missing ratings with the other experts' mean (flagged in every output; classic only)
  --mapping <file.json>       how a survey-tool export's columns and answers read (docs/methods.md §1.8); Google Forms,
                              Qualtrics, LimeSurvey and SurveyMonkey exports are recognised without one
  --weight-column <header>    the export column holding each respondent's weight
  --group-column <header>     the export column holding each respondent's group
Method:
  --method classic|fuzzy|grey   DEMATEL method (default classic; with --scale file.json, the kind of its terms)
                              fuzzy/grey: cells hold terms (code, English or Persian label, any case)
  --fuzzy-order defuzzify-first|defuzzify-last   when CFCS makes the numbers crisp (default defuzzify-first)
  --grey-order whiten-last|whiten-first          when grey numbers are whitened (default whiten-last)
  --cfcs global|per-matrix    CFCS / whitening minimum and range of the first orders (default global)
  --t-diagonal include|exclude   last orders: T's diagonal in the final minimum and range (default include)
  --aggregation mean|median   combine experts (default mean, weighted by the survey's weight column)
  --normalization max|row|column   (default max: λ = max of row and column sums)
  --epsilon <e>               add ε to λ by explicit choice (default 0)
  --threshold mean|mean+sd|quantile|fixed|mmde   impact-relation map threshold (default mean)
  --k <k>                     mean+sd: multiple of the sd (default 1)
  --sd population|sample      mean+sd: which sd (default population)
  --q <q>                     quantile: probability (default 0.75)
  --threshold-value <v>       fixed: the threshold (implies --threshold fixed)
  --threshold-entries all|off-diagonal   entries of T in mean/sd/quantile (default all)
  --bootstrap <B>             bootstrap replicates over experts for the layer section (default 5000; 0 = none)
  --seed <S>                  bootstrap seed (default 1)
  --workers <w>               threads (default: all cores, at most 4): the gap-ratio baseline and the
                              bootstrap's chunks run on worker threads beside the other stages; the numbers
                              are the same for every w
Output:
  --out <dir>                 output folder (default out/, created if missing)
  --json                      print the results object as JSON on stdout (files are then written only when --out is given)
  --xlsx                      also write results.xlsx: the result tables as one Excel workbook (values only, no formulas)
  --quiet                     print nothing but errors`,

  check: `Usage: cxm-dematel check <survey.csv> [options]

Validates a survey without analysing it: prints a summary (experts,
components, warnings) or every problem found, each with file, line, column,
what was expected and what was found.

Exit status: 0 when the survey is well formed and analyze would run with
default options; 1 when it has problems, and also when it is well formed but
the default analysis would stop (every rating 0, or no total-relation matrix
because ρ(N) ≥ 1): the summary is printed and the reason goes to stderr.

  --model <file.json>   model file (default: the embedded CXM model)
  --scale <min:max>     rating scale (default 0:4)
  --impute mean         accept missing ratings that can be imputed (listed as warnings)
  --mapping <file.json>, --weight-column <header>, --group-column <header>   a survey-tool export, as for analyze
  --method, --scale <file.json>, --fuzzy-order, --grey-order, --cfcs, --t-diagonal   as for analyze`,

  template: `Usage: cxm-dematel template --out <file.csv> [options]

Writes a blank survey for experts to fill in: one rating per ordered pair of
components, on the scale 0 (no influence) … 4 (very high influence).
Missing folders in the --out path are created; an existing file is never
overwritten unless --force is given (it may already hold ratings).

  --out <file.csv>        where to write it (required)
  --model <file.json>     model file (default: the embedded CXM model)
  --experts <N>           number of experts (default 3)
  --layout blocks|long    blocks: one row per expert and component (default); long: one row per rating
  --format csv|xlsx|forms csv (default); xlsx: an Excel workbook, instructions (English, Persian),
                          a Scale sheet and one grid sheet per expert, the diagonal locked, ratings
                          restricted to the scale; forms: a bilingual questionnaire to paste into
                          Google Forms (--out questionnaire.md) and beside it
                          questionnaire.mapping.json, which reads its export back
  --scale <min:max>       xlsx, forms: the rating scale (default 0:4; xlsx: whole numbers when min and
                          max are; forms: whole numbers at most 20 apart, one grid column each)
  --method fuzzy|grey     ratings are a linguistic scale's terms (the built-in five-term scale, or
                          --scale <file.json>): xlsx: term codes from a drop-down; forms: the terms are
                          the grid's columns; csv: the terms are listed with the command that reads it
  --force                 overwrite an existing file`,

  layers: `Usage: cxm-dematel layers [survey.csv] [options]

Tests whether the experts' data support the model's proposed layering
(docs/methods.md §5–7): exact permutation tests of the trend and flow
statistics, sign checks, the ranking of all layer orders (up to 8 layers;
above that the ranking is left out with a note, everything else runs),
suggested layers, ISM levels, MICMAC, bootstrap intervals and sensitivity.

  --model <file.json>   model file with layers (default: the embedded CXM model)
  --bootstrap <B>       bootstrap replicates (default 5000; 0 = none)
  --seed <S>            bootstrap seed (default 1)
  --workers <w>         threads (default: all cores, at most 4; the numbers do not depend on it)
  --scale, --impute, --mapping, --weight-column, --group-column, --aggregation, --normalization, --epsilon, --threshold, --k, --sd, --q,
  --threshold-value, --threshold-entries, --method, --fuzzy-order, --grey-order, --cfcs,
  --t-diagonal          as for analyze
  --json                print the layer results as JSON on stdout
  --quiet               no progress on stderr`,

  power: `Usage: cxm-dematel power [options]

Simulates expert panels under docs/methods.md §8.1 (μ_ij = c + δ·(p(j) − p(i)),
p = layer index plus a component effect of sd ω, expert bias τ, noise σ) and reports the power of the layer trend test against
the number of experts: a table of K × δ, the smallest K with 80% power for each
δ, and notes on curves that are saturated or never reach 80%.

  --model <file.json>   model file with layers (default: the embedded CXM model)
  --experts <a:b:s>     panel sizes from a to b in steps of s (default 5:40:5)
  --delta <d,d,...>     layer effects δ, one curve each, same seeds for all
                        (default 0.025,0.05,0.1,0.5: where power falls off, and
                        the generator's default 0.5 (docs/methods.md §8.1), which
                        every panel size detects; 0 = the null)
  --omega <w>           within-layer heterogeneity ω: sd of each component's
                        position around its layer's, in layer units (default 0.3,
                        as in the example panel; 0 = every component of a layer
                        alike, where power tends to 1 for any δ > 0)
  --sigma <s>           rating noise σ (default 0.8)
  --tau <t>             expert bias sd τ (default 0.3)
  --pilot <survey>      estimate δ, ω, σ, τ and c from a pilot panel instead
                        (docs/methods.md §8.6): one curve at the estimates, with
                        an 80% band over the pilot's bootstrap draws
  --pilot-bootstrap <B> resamples of the pilot's experts (default 1000)
  --band-draws <D>      parameter draws of the band (default 40)
  --band-sims <N>       panels per K and draw (default 200)
  --scale <min:max>     the pilot's rating scale (default 0:4)
  --sims <N>            simulated panels per size and δ (default 1000)
  --alpha <a>           test level (default 0.05)
  --seed <S>            seed (default 1)
  --workers <w>         worker threads (default: all cores)
  --json                print { settings, curves: [one result per δ] } as JSON on stdout
  --out <dir>           also write power.json, power.csv and power.html there
  --quiet               no progress on stderr`,

  ism: `Usage: cxm-dematel ism <file.csv> [options]

Interpretive structural modelling (docs/methods.md §6.3, §6.4, §6.7). The file
is a matrix whose header row and first column name the components, either
  an SSIM: above the diagonal, row i and column j hold V (i leads to j),
  A (j leads to i), X (both) or O (neither); several experts as blocks of
  rows with a first column "expert", combined pair by pair by majority (a
  tie uses the union of the tied codes and is reported); the initial
  reachability matrix is closed transitively, added entries marked 1*; or
  a 0/1 reachability matrix (1* reads as 1), taken as the final one and
  partitioned as given; when it is not transitive the missing entries are
  listed on stderr.
Prints the levels, every iteration's reachability, antecedent and
intersection sets, and MICMAC driving power, dependence and quadrant
(high = strictly above n/2).

  --model <file.json>   match the component names to a model's ids, names or Persian names
  --close               close a given reachability matrix transitively before partitioning
  --json                print { components, reachability, added, transitive, missing, levels,
                        iterations, micmac, ... } as JSON on stdout
  --out <dir>           also write ism.json, reachability.csv and report.html there`,
  readiness: `Usage: cxm-dematel readiness <scores.csv> [survey.csv] [options]

One organisation's readiness (docs/methods.md §13): its current score per
component against the influence structure of an expert survey (default: the
shipped SYNTHETIC example panel). Prints the normalised gap of each component
to its aspiration level, the weighted readiness index (DANP weights when the
model's layers hold every component, DEMATEL weights otherwise; the output says
which) and the improvement order, net causes first, with a reason for each.

The scores file: a header and one row per component, columns
  component               id, English or Persian name
  score                   current performance on the declared scale
  aspiration (or target)  optional: the level aimed at (default the scale's max)
  scale_min, scale_max    optional: the scale, one value for the file (e.g. 1 and 5)

  --scale-min <a> --scale-max <b>   the scores' scale, when the file has no scale columns
  --model <file.json>     model file (default: the embedded CXM model)
  --scale, --impute, --method, --aggregation, --normalization, --epsilon, --threshold, --k,
  --sd, --q, --threshold-value, --threshold-entries, ...   the survey's analysis, as for analyze
  --json                  print the result object as JSON on stdout
  --out <dir>             also write readiness.json, readiness.csv and readiness.html there (all or none)
  --quiet                 no warnings on stderr`,

  compare: `Usage: cxm-dematel compare [survey] [--by group] [options]
       cxm-dematel compare <first> <second> [--labels a,b] [options]

Do two groups of experts (managers and frontline staff, two industries) see a
different influence structure, or is the difference noise? (docs/methods.md §12)
One survey with a group column (exactly two groups), or two surveys rating the
same components on the same scale (default: the shipped SYNTHETIC two-group
panel). A permutation test over the group labels: exact over every distinct
split into groups of the observed sizes when there are at most --max-exact,
otherwise --permutations seeded random splits (the count is printed). Tests the
distance between the groups' total-relation matrices, between their relation
vectors D-R and the difference in the layering's trend statistic; per component
the difference in D-R and D+R with Westfall-Young adjusted p-values; each
group's own classic analysis side by side.

  --by <header>           the column holding each expert's group (default: the column headed
                          group, expert group or گروه; for a survey-tool export, any header)
  --labels <a,b>          names of the two surveys' groups (default: the file names)
  --permutations <B>      random splits when exact enumeration is too large (default 10000)
  --max-exact <M>         enumerate every split when there are at most M (default 100000)
  --seed <S>              seed of the random splits and of each group's bootstrap (default 1)
  --bootstrap <B>         bootstrap replicates of each group's analysis, for the plot's intervals (default 2000; 0 = none)
  --model <file.json>     model file (default: the embedded CXM model)
  --scale, --impute, --mapping, --weight-column, --normalization, --epsilon, --threshold, --k,
  --sd, --q, --threshold-value, --threshold-entries   as for analyze (classic method, mean aggregation only)
  --json                  print the comparison as JSON on stdout
  --out <dir>             also write compare.json, compare-overall.csv, compare-components.csv and compare.html (all or none)
  --quiet                 print nothing but errors`,
};
