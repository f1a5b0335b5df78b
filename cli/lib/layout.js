// A project as files: a stable, diff-friendly layout that `pull` writes and `push` reads.
//
//   atelier.json                  the small manifest: which project this folder is
//   instructions.md               the Instructions
//   tools/<name>/tool.json        definition: kind, schemas, annotations, allowed domains, limits…
//   tools/<name>/handler.js       a Data Tool's handler
//   components/<name>.html|.tsx   the document (HTML) or module (TSX)
//   components/<name>.json        its CSP, title, description, border preference
//   prompts/<name>.json (+ .js)   a prompt (its handler in .js when it has one)
//   resources/<name>.json (+ .js) a resource (a template's handler in .js)
//   tests/tools/<tool>/<case>.json        a saved test case (input and expectations); likewise
//   tests/prompts/<prompt>/<case>.json    for prompts and resources. A folder without tests/ (pulled
//   tests/resources/<resource>/<case>.json before cases were exported) pushes without touching them.
//
// Items are the export archive's (GET …/export), so the folder and the archive convert both ways
// without loss. Secrets appear by name only ("secretNames" in tool.json, read-only).
// Extension point: a new kind of item is one more entry in KINDS below plus the archive's field.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { CliError, EXIT } from "./errors.js";

export const MANIFEST_FILE = "atelier.json";
export const LAYOUT_FORMAT = "atelier.project/v1";
const ARCHIVE_FORMAT = "atelier.project-export/v1";

const jsonText = (value) => `${JSON.stringify(value, null, 2)}\n`;
const without = (object, keys) => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

// Item names become file names: only the server's slug shapes, never a path.
const SAFE_NAME = /^[a-z][a-z0-9_-]{0,63}$/;
// Test case names (lib/test-cases/test-case-input.ts testCaseNameSchema).
const SAFE_CASE = /^[a-z0-9][a-z0-9_-]{0,63}$/i;
const TEST_TARGETS = ["tool", "prompt", "resource"];

function assertSafeNames(archive) {
  for (const kind of ["tools", "components", "prompts", "resources"]) {
    for (const item of archive[kind] ?? []) {
      if (!SAFE_NAME.test(item.name))
        throw new CliError(`The server sent a ${kind.slice(0, -1)} named ${JSON.stringify(item.name)}, which cannot be a file name`);
    }
  }
}

/** The files of an archive, path → text. */
export function archiveToFiles(archive) {
  assertSafeNames(archive);
  const files = new Map();
  files.set("instructions.md", archive.project.instructions ?? "");
  for (const tool of archive.tools) {
    files.set(`tools/${tool.name}/tool.json`, jsonText(without(tool, ["name", "handler"])));
    if (tool.kind === "data") files.set(`tools/${tool.name}/handler.js`, tool.handler ?? "");
  }
  for (const component of archive.components) {
    const tsx = component.kind === "tsx";
    files.set(`components/${component.name}.${tsx ? "tsx" : "html"}`, (tsx ? component.source : component.html) ?? "");
    files.set(`components/${component.name}.json`, jsonText(without(component, ["name", "kind", "html", "source"])));
  }
  for (const kind of ["prompts", "resources"]) {
    for (const item of archive[kind] ?? []) {
      const hasHandler = typeof item.handler === "string" && item.handler !== "";
      files.set(`${kind}/${item.name}.json`, jsonText(without(item, ["name", ...(hasHandler ? ["handler"] : [])])));
      if (hasHandler) files.set(`${kind}/${item.name}.js`, item.handler);
    }
  }
  for (const testCase of archive.testCases ?? []) {
    const [kind, target] = TEST_TARGETS.map((key) => [key, testCase[key]]).find(([, name]) => name !== undefined) ?? [];
    if (!kind || !SAFE_NAME.test(target) || !SAFE_CASE.test(testCase.name))
      throw new CliError(`The server sent a test case named ${JSON.stringify(testCase.name)}, which cannot be a file name`);
    files.set(`tests/${kind}s/${target}/${testCase.name}.json`, jsonText(without(testCase, [kind, "name"])));
  }
  return files;
}

function parseJsonFile(path, text) {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(error.message);
    const line = position ? text.slice(0, Number(position[1])).split("\n").length : undefined;
    throw new CliError(`${path}${line ? `:${line}` : ""}: not valid JSON (${error.message})`, EXIT.failure, {
      files: [{ file: path, line, message: `not valid JSON: ${error.message}` }],
    });
  }
}

/** The archive a set of files describes (the inverse of archiveToFiles). */
export function filesToArchive(files, manifest) {
  const read = (path) => files.get(path);
  const archive = {
    format: ARCHIVE_FORMAT,
    project: { name: manifest?.name, instructions: read("instructions.md") ?? "" },
    tools: [],
    components: [],
    prompts: [],
    resources: [],
  };
  for (const path of [...files.keys()].sort()) {
    const parts = path.split("/");
    if (parts[0] === "tools" && parts.length === 3 && parts[2] === "tool.json") {
      const name = parts[1];
      const definition = parseJsonFile(path, read(path));
      const handler = read(`tools/${name}/handler.js`);
      archive.tools.push({ name, ...definition, ...(handler !== undefined ? { handler } : {}) });
    } else if (parts[0] === "components" && parts.length === 2 && /\.(html|tsx)$/.test(parts[1])) {
      const [, name, extension] = /^(.*)\.(html|tsx)$/.exec(parts[1]);
      const meta = read(`components/${name}.json`);
      const settings = meta !== undefined ? parseJsonFile(`components/${name}.json`, meta) : {};
      archive.components.push({
        name,
        kind: extension,
        ...(extension === "tsx" ? { source: read(path) } : { html: read(path) }),
        ...settings,
      });
    } else if ((parts[0] === "prompts" || parts[0] === "resources") && parts.length === 2 && parts[1].endsWith(".json")) {
      const name = parts[1].slice(0, -".json".length);
      const handler = read(`${parts[0]}/${name}.js`);
      archive[parts[0]].push({ name, ...parseJsonFile(path, read(path)), ...(handler !== undefined ? { handler } : {}) });
    } else if (parts[0] === "tests" && parts.length === 4 && /^(tools|prompts|resources)$/.test(parts[1]) && parts[3].endsWith(".json")) {
      archive.testCases ??= [];
      archive.testCases.push({
        [parts[1].slice(0, -1)]: parts[2],
        name: parts[3].slice(0, -".json".length),
        ...parseJsonFile(path, read(path)),
      });
    }
  }
  return archive;
}

const TRACKED =
  /^(instructions\.md|tools\/[^/]+\/(tool\.json|handler\.js)|components\/[^/]+\.(html|tsx|json)|(prompts|resources)\/[^/]+\.(json|js)|tests\/(tools|prompts|resources)\/[^/]+\/[^/]+\.json)$/;

/** The project files under `dir` (anything else in the folder is left alone and ignored). */
export async function readProjectFiles(dir) {
  const files = new Map();
  async function walk(folder) {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (error.code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else {
        const relativePath = relative(dir, path).split(sep).join("/");
        if (TRACKED.test(relativePath)) files.set(relativePath, await readFile(path, "utf8"));
      }
    }
  }
  await walk(dir);
  return files;
}

export async function readManifest(dir) {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST_FILE), "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw new CliError(`${MANIFEST_FILE}: ${error.message}`, EXIT.failure);
  }
}

/** Writes the files, removing tracked files of items that no longer exist. */
export async function writeProjectFiles(dir, files, manifest) {
  const existing = await readProjectFiles(dir);
  for (const path of existing.keys()) if (!files.has(path)) await rm(join(dir, path));
  for (const [path, text] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await writeFile(join(dir, MANIFEST_FILE), jsonText(manifest));
}

/** Which file a server-side problem with an item is about, and the line when it can tell. */
export function locateProblem(problem, files) {
  const [kind, name] = problem.item.split("/");
  const field = (problem.field ?? "").split(".")[0];
  let file;
  if (kind === "testCases") {
    // testCases/<tool>/<case> or testCases/prompts|resources/<name>/<case>
    const rest = problem.item.split("/").slice(1);
    file = rest.length === 2 ? `tests/tools/${rest[0]}/${rest[1]}.json` : `tests/${rest.join("/")}.json`;
  } else if (kind === "tools") file = field === "handler" ? `tools/${name}/handler.js` : `tools/${name}/tool.json`;
  else if (kind === "components") {
    const document = files.has(`components/${name}.tsx`) ? `components/${name}.tsx` : `components/${name}.html`;
    file = field === "html" || field === "source" ? document : files.has(`components/${name}.json`) ? `components/${name}.json` : document;
  } else file = field === "handler" && files.has(`${kind}/${name}.js`) ? `${kind}/${name}.js` : `${kind}/${name}.json`;
  const handlerLine = /line (\d+), column \d+/.exec(problem.message);
  let line = handlerLine && file.endsWith(".js") ? Number(handlerLine[1]) : undefined;
  if (!line && field && file.endsWith(".json")) {
    const index = (files.get(file) ?? "").split("\n").findIndex((text) => text.startsWith(`  "${field}":`));
    if (index >= 0) line = index + 1;
  }
  return { file, line, message: problem.message };
}
