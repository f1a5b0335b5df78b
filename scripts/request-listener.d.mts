import type { IncomingMessage, ServerResponse } from "node:http";

export function requestListener(
  handleWithNext: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  options: { nodePath: boolean },
): (req: IncomingMessage, res: ServerResponse) => void;
