/**
 * Text made safe to print on a terminal: control characters other than tab,
 * line feed and carriage return — notably ESC, which starts the escape
 * sequences that recolour, move the cursor or clear the screen — are shown as
 * `\u001b`-style escapes. Labels come from users' files, and a survey must
 * not be able to rewrite what the command prints.
 * @example
 * terminalSafe("E1\u001b[2J"); // "E1\\u001b[2J"
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped before printing
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
