/** Where a command writes: stdout for results, stderr for everything else; `help` prints a command's usage and returns 0. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  help(command: string): number;
}
