// node --import ./tests/conformance/register-node20.mjs node_modules/@modelcontextprotocol/conformance/dist/index.js …
import { register } from "node:module";

register("./node20-hooks.mjs", import.meta.url);
