import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the installed cxm-dematel package (the one holding its
 * package.json, `data/` and `dist/`): the nearest folder above this module's
 * own file (`import.meta.url`) whose package.json is named "cxm-dematel".
 * That is two folders up from dist/cli/ in the package (also when it is
 * installed globally and run through a symlinked bin, since Node loads a
 * module from its real path) and from src/cli/ under vitest; the test
 * harness's private compile (node_modules/.cache/…/cli/) finds the
 * repository a few folders further up. Neither the working directory nor the
 * script that started Node matters.
 * @param start a file to start from instead of this module (symlinks resolved).
 * @returns the folder, or undefined when there is none.
 * @example
 * packageRoot(); // "/home/me/cxm-dematel"
 */
export function packageRoot(start: string = fileURLToPath(import.meta.url)): string | undefined {
  let dir = resolve(start);
  try {
    dir = realpathSync(dir);
  } catch {
    /* keep the unresolved path */
  }
  for (;;) {
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
    const pj = join(dir, "package.json");
    if (existsSync(pj)) {
      try {
        if ((JSON.parse(readFileSync(pj, "utf8")) as { name?: unknown }).name === "cxm-dematel") return dir;
      } catch {
        /* not our package.json; keep walking */
      }
    }
  }
}
