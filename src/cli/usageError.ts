/**
 * The command line was used wrongly (unknown option, missing argument, an
 * option value that cannot be read): the CLI prints the message and the
 * command's usage on stderr and exits with status 2.
 */
export class UsageError extends Error {
  /** The command whose usage to print (e.g. "analyze"), or undefined for the top level. */
  readonly command?: string;
  /** The option at fault, without `--` (e.g. "k"), when one is; the browser app lists the problem at it. */
  readonly option?: string;
  constructor(message: string, command?: string, option?: string) {
    super(message);
    this.name = "UsageError";
    this.command = command;
    this.option = option;
  }
}
