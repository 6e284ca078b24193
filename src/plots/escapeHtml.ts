/**
 * Escape text for HTML element content and attribute values: `&`, `<`, `>`,
 * `"` and `'` become character references, so text from a user's file
 * (component names, expert labels, file names) can never open a tag, close
 * an attribute or start a script.
 * Source: OWASP Cross Site Scripting Prevention Cheat Sheet, rule 1 (HTML
 * entity encoding of the five significant characters).
 * @throws {TypeError} never for strings; any other value is converted with `String(value)` first.
 * @example
 * escapeHtml('<script>alert(1)</script> & "q"'); // "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;"
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === '"' ? "&quot;" : "&#39;"));
}
