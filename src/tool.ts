/**
 * The tool's name and version as written into every result file and report.
 * A test checks that the version equals package.json's, so bump both together.
 */
export const TOOL = { name: "cxm-dematel", version: "0.1.0" } as const;
