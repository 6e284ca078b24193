/** Modules that scripts/build-web.mjs provides while bundling web/app.ts. */
declare module "cxm:worker-source" {
  /** The bundled code of web/worker.ts. */
  const text: string;
  export default text;
}
declare module "cxm:example-panel" {
  /** data/surveys/example-panel.csv, the shipped SYNTHETIC example. */
  const text: string;
  export default text;
}
declare module "cxm:example-groups" {
  /** data/surveys/example-groups.csv, the shipped SYNTHETIC two-group panel (the example of compare). */
  const text: string;
  export default text;
}
