/**
 * The null hypothesis of the layer permutation tests and what it leaves out, in words, for the report and the
 * CLI text (docs/methods.md §5.1): the tests hold the aggregated panel fixed and permute only the layer labels,
 * so their p-values say nothing about expert sampling error, which the bootstrap over experts (§7) addresses.
 */
export const PERMUTATION_NULL_WORDS =
  "What the p-values assume: the null hypothesis is that, given the panel's aggregated ratings (T and relation held fixed), " +
  "the components are exchangeable across layers — every assignment of them to layers of these sizes is equally likely. " +
  "The p-value therefore depends only on the aggregated panel (one expert gives the same p as fifty with the same average ratings); " +
  "how much the result would change with another sample of experts is not part of it and is left to the bootstrap over experts.";
