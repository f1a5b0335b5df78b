// TSX components, compiled at save with esbuild into one self-contained HTML document.
//
// The shape (README "Writing tools"): the module default-exports a React component. Atelier
// mounts it in <div id="root">, connects the ext-apps App client and re-renders it with
// { input, result, hostContext, app } as the host delivers them: `input` is the tool's
// arguments (ui/notifications/tool-input), `result` the CallToolResult (tool-result), `app` the
// connected App for callServerTool, sendMessage, openLink… The module may import react,
// react-dom and @modelcontextprotocol/ext-apps; nothing else (bundle.ts).
import type { BundleMessage } from "./bundle";
import { bundleModules } from "./bundle";

export const COMPONENT_SOURCE_FILE = "component.tsx";

export class ComponentCompileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly lineText: string,
  ) {
    super(message);
    this.name = "ComponentCompileError";
  }
}

const ENTRY = `
import { createElement, useSyncExternalStore } from "react";
import { createRoot } from "react-dom/client";
import { App, applyDocumentTheme, applyHostStyleVariables } from "@modelcontextprotocol/ext-apps";
import View from "atelier:view";

const app = new App({ name: __COMPONENT_NAME__, version: "1.0.0" }, {}, { autoResize: true });
let state = { input: undefined, result: undefined, hostContext: undefined };
const listeners = new Set<() => void>();
const update = (patch: Partial<typeof state>) => {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
};
const applyTheme = (context: any) => {
  if (context?.theme) applyDocumentTheme(context.theme);
  if (context?.styles?.variables) applyHostStyleVariables(context.styles.variables);
};
app.ontoolinput = (params) => update({ input: params.arguments as any });
app.ontoolresult = (params) => update({ result: params as any });
app.onhostcontextchanged = (params) => {
  const hostContext = { ...(state.hostContext ?? {}), ...params };
  applyTheme(hostContext);
  update({ hostContext: hostContext as any });
};

function Root() {
  const current = useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    () => state,
  );
  return createElement(View as any, { ...current, app });
}

createRoot(document.getElementById("root")!).render(createElement(Root));
app.connect().then(() => {
  const hostContext = app.getHostContext();
  applyTheme(hostContext);
  update({ hostContext: hostContext as any });
});
`;

function firstError(errors: BundleMessage[]): ComponentCompileError {
  const error = errors[0];
  const location = error?.location;
  const place = location?.file.endsWith("atelier:view") ? location : null;
  return new ComponentCompileError(
    error?.text ?? "The component could not be compiled",
    COMPONENT_SOURCE_FILE,
    place ? place.line : 0,
    place ? place.column + 1 : 0,
    place ? place.lineText : "",
  );
}

/** TSX source → one HTML document with React, the App client and the component inlined. */
export async function compileComponent(options: { name: string; source: string }): Promise<string> {
  let script: string;
  try {
    script = await bundleModules(
      {
        "atelier:entry": { contents: ENTRY.replace("__COMPONENT_NAME__", JSON.stringify(options.name)), loader: "tsx" },
        "atelier:view": { contents: options.source, loader: "tsx" },
      },
      { format: "esm" },
    );
  } catch (error) {
    const errors = (error as { errors?: BundleMessage[] }).errors;
    if (Array.isArray(errors) && errors.length) throw firstError(errors);
    throw error;
  }
  const title = options.name.replace(/[<>&"]/g, "");
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
</head>
<body>
<div id="root"></div>
<script type="module">${script}</script>
</body>
</html>
`;
}
