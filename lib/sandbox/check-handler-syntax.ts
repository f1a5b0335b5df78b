import { parse, type Node } from "acorn";

export type HandlerSyntaxCheck = { ok: true } | { ok: false; message: string; line: number; column: number };

export const NOT_A_FUNCTION_MESSAGE = "The handler must be a function expression like `async (props, env) => { … }`";

/**
 * Wraps handler source the way the sandbox evaluates it. The parentheses make
 * `async function (props, env) {…}` an expression rather than an (invalid) unnamed declaration;
 * the newlines keep a trailing `// comment` from swallowing the closing parenthesis.
 */
export function wrapHandlerSource(code: string): string {
  return `(\n${code}\n)`;
}

/**
 * Parses (never runs) handler source for the code editor. Line and column are 1-based and refer
 * to the user's code, not to the wrapper.
 */
export function checkHandlerSyntax(code: string): HandlerSyntaxCheck {
  let program: Node & { body: Node[] };
  try {
    program = parse(wrapHandlerSource(code), { ecmaVersion: 2022, locations: true }) as typeof program;
  } catch (error) {
    const { message, loc } = error as SyntaxError & { loc?: { line: number; column: number } };
    const position = toCodePosition(code, loc ?? { line: 2, column: 0 });
    return { ok: false, message: message.replace(/ \(\d+:\d+\)$/, ""), ...position };
  }

  const [statement] = program.body as Array<Node & { expression?: Node }>;
  const expression = statement?.expression;
  const isFunction =
    program.body.length === 1 && (expression?.type === "ArrowFunctionExpression" || expression?.type === "FunctionExpression");
  if (isFunction) return { ok: true };
  const start = expression?.loc?.start ?? { line: 2, column: 0 };
  return { ok: false, message: NOT_A_FUNCTION_MESSAGE, ...toCodePosition(code, start) };
}

// Maps a wrapper position (line 2 is the code's first line, columns 0-based) back onto the code,
// clamping errors found at the closing parenthesis to the end of the code.
function toCodePosition(code: string, loc: { line: number; column: number }) {
  const lines = code.split(/\r\n|\r|\n|\u2028|\u2029/);
  const line = loc.line - 1;
  if (line < 1) return { line: 1, column: 1 };
  if (line > lines.length) return { line: lines.length, column: lines[lines.length - 1].length + 1 };
  return { line, column: loc.column + 1 };
}
