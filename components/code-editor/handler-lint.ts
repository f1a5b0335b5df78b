// Problems in handler code found as you type: syntax errors (acorn, the way the sandbox wraps the
// code) and obvious undefined names (an identifier declared nowhere in the handler and not a
// JavaScript built-in or one of the sandbox's globals).
import { type Node, parse } from "acorn";
import { checkHandlerSyntax, wrapHandlerSource } from "@/lib/sandbox/check-handler-syntax";

export type HandlerProblem = { line: number; column: number; endColumn: number; message: string; severity: "error" | "warning" };

/** What a handler can use without declaring it: ECMAScript built-ins and the sandbox's globals. */
export const HANDLER_GLOBALS = new Set([
  // The sandbox (lib/sandbox/isolate-globals.ts, content-helper.ts)
  "console",
  "fetch",
  "mcp",
  // ECMAScript
  "globalThis",
  "undefined",
  "NaN",
  "Infinity",
  "eval",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
  "decodeURI",
  "decodeURIComponent",
  "encodeURI",
  "encodeURIComponent",
  "escape",
  "unescape",
  "Object",
  "Function",
  "Array",
  "String",
  "Number",
  "Boolean",
  "Symbol",
  "BigInt",
  "Math",
  "JSON",
  "Date",
  "RegExp",
  "Error",
  "TypeError",
  "RangeError",
  "SyntaxError",
  "ReferenceError",
  "EvalError",
  "URIError",
  "AggregateError",
  "Promise",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "WeakRef",
  "FinalizationRegistry",
  "Proxy",
  "Reflect",
  "Intl",
  "ArrayBuffer",
  "SharedArrayBuffer",
  "DataView",
  "Atomics",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Float32Array",
  "Float64Array",
  "BigInt64Array",
  "BigUint64Array",
  "arguments",
]);

type AnyNode = Node & Record<string, unknown>;

const isNode = (value: unknown): value is AnyNode =>
  typeof value === "object" && value !== null && typeof (value as Node).type === "string";

function children(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "loc") continue;
    if (Array.isArray(value)) for (const item of value) if (isNode(item)) out.push(item);
    if (isNode(value)) out.push(value);
  }
  return out;
}

/** Names bound by a pattern: `a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`. */
function bindings(pattern: AnyNode | null | undefined, into: Set<string>) {
  if (!pattern) return;
  switch (pattern.type) {
    case "Identifier":
      into.add(pattern.name as string);
      break;
    case "ObjectPattern":
      for (const property of pattern.properties as AnyNode[])
        bindings((property.type === "RestElement" ? property.argument : property.value) as AnyNode, into);
      break;
    case "ArrayPattern":
      for (const element of pattern.elements as Array<AnyNode | null>) bindings(element, into);
      break;
    case "RestElement":
      bindings(pattern.argument as AnyNode, into);
      break;
    case "AssignmentPattern":
      bindings(pattern.left as AnyNode, into);
      break;
  }
}

function collectDeclared(node: AnyNode, into: Set<string>) {
  switch (node.type) {
    case "VariableDeclarator":
      bindings(node.id as AnyNode, into);
      break;
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
      if (node.id) bindings(node.id as AnyNode, into);
      for (const param of node.params as AnyNode[]) bindings(param, into);
      break;
    case "ClassDeclaration":
    case "ClassExpression":
      if (node.id) bindings(node.id as AnyNode, into);
      break;
    case "CatchClause":
      bindings(node.param as AnyNode | null, into);
      break;
  }
  for (const child of children(node)) collectDeclared(child, into);
}

/** Identifiers used as values (not property names, labels or declarations' keys). */
function collectReferences(node: AnyNode, into: AnyNode[]) {
  switch (node.type) {
    case "Identifier":
      into.push(node);
      return;
    case "MemberExpression":
      collectReferences(node.object as AnyNode, into);
      if (node.computed) collectReferences(node.property as AnyNode, into);
      return;
    case "Property":
    case "MethodDefinition":
    case "PropertyDefinition":
      if (node.computed) collectReferences(node.key as AnyNode, into);
      if (node.value) collectReferences(node.value as AnyNode, into);
      return;
    case "LabeledStatement":
      collectReferences(node.body as AnyNode, into);
      return;
    case "BreakStatement":
    case "ContinueStatement":
    case "MetaProperty":
      return;
  }
  for (const child of children(node)) collectReferences(child, into);
}

/** Syntax error (one, as the parser stops there) or the handler's undefined names, 1-based positions. */
export function lintHandler(code: string): HandlerProblem[] {
  if (code.trim() === "") return [];
  const syntax = checkHandlerSyntax(code);
  if (!syntax.ok)
    return [{ line: syntax.line, column: syntax.column, endColumn: syntax.column + 1, message: syntax.message, severity: "error" }];
  const program = parse(wrapHandlerSource(code), { ecmaVersion: 2022, locations: true }) as unknown as AnyNode;
  const declared = new Set<string>();
  collectDeclared(program, declared);
  const references: AnyNode[] = [];
  collectReferences(program, references);
  const problems: HandlerProblem[] = [];
  for (const reference of references) {
    const name = reference.name as string;
    if (declared.has(name) || HANDLER_GLOBALS.has(name) || !reference.loc) continue;
    // The wrapper adds one line before the code ("(\n").
    const { start } = reference.loc;
    problems.push({
      line: start.line - 1,
      column: start.column + 1,
      endColumn: start.column + 1 + name.length,
      message: `${name} is not defined in the handler (the sandbox has no ${name}; declare it or use props, env, mcp, fetch or console)`,
      severity: "warning",
    });
  }
  return problems;
}
