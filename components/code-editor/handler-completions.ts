// What the Data Tool handler editor knows about the handler's world: `props` (from the tool's
// input schema), `env` (lib/sandbox/types.ts SandboxEnv, secrets by name), the `mcp` helper
// (lib/sandbox/content-helper.ts), `fetch` and `console` (lib/sandbox/isolate-globals.ts).
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import { completionPath } from "@codemirror/lang-javascript";
import { syntaxTree } from "@codemirror/language";
import type { EditorState } from "@codemirror/state";

export type HandlerWorld = {
  /** The tool's input schema (JSON Schema); its properties are what `props` holds. */
  inputSchema: unknown;
  /** Names of the tool's secrets (`env.secrets.NAME`). */
  secretNames: readonly string[];
};

type Entry = { label: string; type: string; detail?: string; info: string };

const MCP_HELPERS: Entry[] = [
  { label: "text", type: "method", detail: "(text)", info: "mcp.text(text): a text content block." },
  { label: "image", type: "method", detail: "(base64, mimeType)", info: "mcp.image(base64, mimeType): an image content block." },
  { label: "audio", type: "method", detail: "(base64, mimeType)", info: "mcp.audio(base64, mimeType): an audio content block." },
  {
    label: "resource",
    type: "method",
    detail: "({ uri, mimeType?, text | blob })",
    info: "mcp.resource({ uri, mimeType?, text }) or ({ uri, mimeType?, blob }): an embedded resource block.",
  },
  {
    label: "result",
    type: "method",
    detail: "({ content, structuredContent? })",
    info: "mcp.result({ content, structuredContent? }): return this to answer with content blocks instead of plain output.",
  },
  {
    label: "log",
    type: "method",
    detail: "(level, data)",
    info: "mcp.log(level, data): a log message for the client (notifications/message); level is debug, info, notice, warning, error, critical, alert or emergency.",
  },
  {
    label: "progress",
    type: "method",
    detail: "(progress, total?, message?)",
    info: "mcp.progress(progress, total?, message?): notifications/progress, sent when the client asked for progress.",
  },
  {
    label: "elicit",
    type: "method",
    detail: "({ message, requestedSchema }, { key? })",
    info: "await mcp.elicit({ message, requestedSchema }, { key? }): asks the user through the client's form; the handler runs again with the answer.",
  },
  {
    label: "sample",
    type: "method",
    detail: "({ messages, maxTokens, … }, { key? })",
    info: "await mcp.sample({ messages, maxTokens, … }, { key? }): asks the client's model; the handler runs again with the answer.",
  },
];

const CONSOLE_METHODS: Entry[] = ["log", "info", "warn", "error", "debug"].map((level) => ({
  label: level,
  type: "method",
  detail: "(...values)",
  info: `console.${level}(...values): captured in the call's logs (shown in the test panel and on Executions).`,
}));

const ENV_FIELDS: Entry[] = [
  {
    label: "secrets",
    type: "property",
    detail: "object",
    info: "env.secrets: the tool's secrets by name (values are redacted from logs and errors).",
  },
  {
    label: "organizationId",
    type: "property",
    detail: "string",
    info: "env.organizationId: id of the organization that owns the project.",
  },
  { label: "projectId", type: "property", detail: "string", info: "env.projectId: id of the project." },
  {
    label: "environment",
    type: "property",
    detail: '"draft" | "production"',
    info: "env.environment: which endpoint runs the call, draft or production.",
  },
  { label: "locale", type: "property", detail: "string", info: "env.locale: the caller's locale, like en-US." },
];

const GLOBALS: Entry[] = [
  { label: "props", type: "variable", detail: "object", info: "props: the call's arguments, shaped by the tool's input schema." },
  { label: "env", type: "variable", detail: "object", info: "env: secrets, organizationId, projectId, environment and locale." },
  {
    label: "mcp",
    type: "namespace",
    detail: "helpers",
    info: "mcp: content blocks (text, image, audio, resource, result), log, progress, elicit, sample.",
  },
  {
    label: "fetch",
    type: "function",
    detail: "(url, { method?, headers?, body? })",
    info: "await fetch(url, init): reaches only the tool's allowed domains; the response has ok, status, headers.get(), text() and json().",
  },
  { label: "console", type: "namespace", detail: "log, info, warn, error, debug", info: "console: output captured in the call's logs." },
];

type SchemaNode = { type?: unknown; description?: unknown; properties?: unknown; required?: unknown; items?: unknown; enum?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function describeType(schema: SchemaNode): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (typeof schema.type === "string")
    return schema.type === "array" && isObject(schema.items) ? `${describeType(schema.items)}[]` : schema.type;
  return "any";
}

function schemaFields(schema: unknown, owner: string): Entry[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(schema.properties).map(([name, property]) => {
    const node: SchemaNode = isObject(property) ? property : {};
    const type = describeType(node);
    const optional = required.includes(name) ? "" : " (optional)";
    const description = typeof node.description === "string" ? ` – ${node.description}` : "";
    return { label: name, type: "property", detail: `${type}${optional}`, info: `${owner}.${name}: ${type}${optional}${description}` };
  });
}

/** The schema node reached by following `path` (property names) from the input schema. */
function schemaAt(schema: unknown, path: readonly string[]): unknown {
  let node = schema;
  for (const name of path) {
    if (!isObject(node) || !isObject(node.properties)) return undefined;
    node = node.properties[name];
  }
  return node;
}

/** What a name (a member path like ["env", "secrets"], and the name after it) can be followed by. */
export function handlerMembers(world: HandlerWorld, path: readonly string[]): Entry[] | null {
  const [root, ...rest] = path;
  if (path.length === 0) return GLOBALS;
  if (root === "props") return schemaFields(schemaAt(world.inputSchema, rest), ["props", ...rest].join("."));
  if (root === "env" && rest.length === 0) return ENV_FIELDS;
  if (root === "env" && rest.length === 1 && rest[0] === "secrets") {
    return world.secretNames.map((name) => ({
      label: name,
      type: "constant",
      detail: "secret",
      info: `env.secrets.${name}: the value of the secret ${name}.`,
    }));
  }
  if (root === "mcp" && rest.length === 0) return MCP_HELPERS;
  if (root === "console" && rest.length === 0) return CONSOLE_METHODS;
  return null;
}

/** Completion for `props.`, `env.`, `env.secrets.`, `mcp.`, `console.` and the handler's globals. */
export function handlerCompletionSource(world: () => HandlerWorld): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const target = completionPath(context);
    if (!target) return null;
    const entries = handlerMembers(world(), target.path);
    if (!entries || entries.length === 0) return null;
    const options: Completion[] = entries.map(({ label, type, detail, info }) => ({ label, type, detail, info }));
    return { from: context.pos - target.name.length, options, validFor: /^[\w$]*$/ };
  };
}

/** The member path of the identifier or property name at `pos`, like ["env", "secrets", "API_KEY"]. */
export function pathAt(state: EditorState, pos: number, side: -1 | 1 = 1): { path: string[]; from: number; to: number } | null {
  const node = syntaxTree(state).resolveInner(pos, side);
  if (node.name !== "VariableName" && node.name !== "PropertyName") return null;
  const path = [state.sliceDoc(node.from, node.to)];
  let current = node;
  while (current.name === "PropertyName" && current.parent?.name === "MemberExpression") {
    const object = current.parent.firstChild;
    if (!object) return null;
    if (object.name === "VariableName") {
      path.unshift(state.sliceDoc(object.from, object.to));
      break;
    }
    if (object.name !== "MemberExpression") return null;
    const property = object.lastChild;
    if (property?.name !== "PropertyName") return null;
    path.unshift(state.sliceDoc(property.from, property.to));
    current = property;
  }
  return { path, from: node.from, to: node.to };
}

/** Documentation for the name at `pos`, when it is part of the handler's world. */
export function handlerDocAt(
  world: HandlerWorld,
  state: EditorState,
  pos: number,
  side: -1 | 1 = 1,
): { text: string; from: number; to: number } | null {
  const found = pathAt(state, pos, side);
  if (!found) return null;
  const name = found.path[found.path.length - 1];
  const entry = handlerMembers(world, found.path.slice(0, -1))?.find((candidate) => candidate.label === name);
  return entry ? { text: entry.info, from: found.from, to: found.to } : null;
}
