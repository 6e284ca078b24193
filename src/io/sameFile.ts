import { statSync } from "node:fs";
import { resolve } from "node:path";

/** True when two paths name the same file: equal once resolved, or (both existing) the same device and inode (links).
 * @example
 * sameFile("out/../survey.csv", "survey.csv"); // true */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a),
      sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
