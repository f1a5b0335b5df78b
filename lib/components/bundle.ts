// esbuild, configured for component documents: browser code, minified, everything inlined, and
// only the packages Atelier provides resolvable (react, react-dom, the ext-apps App client).
// A component's source can never reach the server's files: any other import is refused.
import { build, type Message, type Plugin } from "esbuild";

export const COMPONENT_IMPORTS = ["react", "react-dom", "@modelcontextprotocol/ext-apps"] as const;

const isProvidedImport = (path: string) =>
  !path.split("/").includes("..") && COMPONENT_IMPORTS.some((name) => path === name || path.startsWith(`${name}/`));

/** zod's 40 locales come along with the MCP client; views only need English messages. */
const englishOnlyZod: Plugin = {
  name: "zod-english-only",
  setup(builder) {
    builder.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js";',
      loader: "js",
    }));
  },
};

/** Atelier's virtual modules (`atelier:…`) may import only the provided packages. */
const onlyProvidedImports: Plugin = {
  name: "only-provided-imports",
  setup(builder) {
    builder.onResolve({ filter: /^atelier:/ }, (args) => ({ path: args.path, namespace: "component" }));
    builder.onResolve({ filter: /.*/, namespace: "component" }, (args) => {
      if (isProvidedImport(args.path)) return undefined; // resolved from node_modules as usual
      return {
        errors: [{ text: `"${args.path}" cannot be imported: a component can import only ${COMPONENT_IMPORTS.join(", ")}` }],
      };
    });
  },
};

export type BundleModules = Record<string, { contents: string; loader: "ts" | "tsx" }>;

/** Bundles virtual modules named `atelier:…` (the first one is the entry) into one browser script. */
export async function bundleModules(modules: BundleModules, options: { format: "iife" | "esm"; globalName?: string }) {
  const [entry] = Object.keys(modules);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: options.format,
    globalName: options.globalName,
    platform: "browser",
    target: "es2020",
    legalComments: "none",
    logLevel: "silent",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    absWorkingDir: process.cwd(),
    plugins: [
      englishOnlyZod,
      onlyProvidedImports,
      {
        name: "virtual-modules",
        setup(builder) {
          builder.onLoad({ filter: /.*/, namespace: "component" }, (args) => {
            const module = modules[args.path];
            return module ? { contents: module.contents, loader: module.loader, resolveDir: process.cwd() } : undefined;
          });
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

export type { Message as BundleMessage };
