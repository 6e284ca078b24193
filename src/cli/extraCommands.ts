import type { CommandIo } from "./commandIo.js";
import { layersCommand } from "./layersCommand.js";
import { powerCommand } from "./powerCommand.js";

/** The commands that need the layer and uncertainty modules: layers and power. */
export const COMMANDS_EXTRA: Record<string, (args: readonly string[], io: CommandIo) => number | Promise<number>> = {
  layers: layersCommand,
  power: powerCommand,
};
