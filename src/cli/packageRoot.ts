import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The folder of the installed cxm-dematel package (the one holding its
 * package.json, `data/` and `dist/`), found without `import.meta` (which
 * src/ must not use): walk up from the running script (`process.argv[1]`,
 * symlinks resolved, e.g. `node_modules/.bin/cxm-dematel` →
 * `dist/cli/main.js`) until a package.json whose name is "cxm-dematel"; if
 * none, walk up from the working directory.
 * @param start where to start (default `process.argv[1]`).
 * @returns the folder, or undefined when there is none.
 * @example
 * packageRoot(); // "/home/me/cxm-dematel"
 */
export function packageRoot(start: string | undefined = process.argv[1]): string | undefined {
  const tryFrom = (from: string): string | undefined => {
    let dir = from;
    for (;;) {
      const pj = join(dir, "package.json");
      if (existsSync(pj)) {
        try {
          if ((JSON.parse(readFileSync(pj, "utf8")) as { name?: unknown }).name === "cxm-dematel") return dir;
        } catch {
          /* not our package.json; keep walking */
        }
      }
      const up = dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  };
  if (start) {
    let real = resolve(start);
    try {
      real = realpathSync(real);
    } catch {
      /* keep the unresolved path */
    }
    const found = tryFrom(dirname(real));
    if (found) return found;
  }
  return tryFrom(process.cwd());
}
