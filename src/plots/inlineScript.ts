/**
 * Make JavaScript text safe to place between `<script>` and `</script>` in
 * an HTML file: every `</script`, `<script` and `<!--` (any case) becomes
 * `\x3C/script`, `\x3Cscript`, `\x3C!--`, which the HTML parser cannot read as
 * the end of the script or as an escape, and which mean the same inside the
 * JavaScript string and regular-expression literals where such text occurs
 * (the Plotly bundle has one `<!--`, in a regular expression source string).
 * Source: WHATWG HTML Living Standard §4.12.1.3, "Restrictions for contents of script elements".
 * @example
 * inlineScript('x = "</script>"'); // 'x = "\\x3C/script>"'
 */
export function inlineScript(js: string): string {
  return js.replace(/<(\/?script|!--)/gi, "\\x3C$1");
}

/**
 * JSON text safe to embed in an inline `<script>`: `JSON.stringify` with
 * every `<` written as `\u003c` (so no `</script>` or `<!--` can appear) and
 * U+2028/U+2029 escaped.
 * @throws {TypeError} on values JSON cannot represent (cycles, BigInt).
 * @example
 * scriptJson({ name: "</script>" }); // '{"name":"\\u003c/script>"}'
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
