// logs and doctor: read-only.
import { setTimeout as sleep } from "node:timers/promises";
import { projectContext } from "../lib/api.js";
import { CliError, EXIT } from "../lib/errors.js";

const FILTERS = ["tool", "environment", "status", "errorType", "from"];

function formatExecution(execution) {
  const error =
    execution.status === "error" ? ` ${execution.errorType ?? "error"}${execution.errorCode ? `/${execution.errorCode}` : ""}` : "";
  const version = execution.packageVersion ? `@${execution.packageVersion}` : "";
  return `${execution.createdAt}  ${execution.environment}${version}  ${execution.toolName}  ${execution.status}${error}  ${execution.durationMs ?? "-"}ms  ${execution.caller?.label ?? execution.caller?.kind ?? ""}`;
}

// atelier logs [--tool t] [--environment draft|production] [--status success|error] [--error-type …]
//              [--since ISO] [--limit n] [--follow [--interval s]]
export async function logs({ values, out }) {
  const { api, base } = await projectContext(values);
  const query = new URLSearchParams();
  const filters = {
    tool: values.tool,
    environment: values.environment,
    status: values.status,
    errorType: values["error-type"],
    from: values.since,
  };
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  const limit = Number(values.limit ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliError("--limit must be 1..100", EXIT.usage);
  query.set("limit", String(limit));
  // Ctrl-C while following stops after the current poll, with exit code 0. The handler is in place
  // before anything is printed: a SIGINT that arrives while the first page is written (a script
  // that saw the line it waited for) would otherwise kill the process with the default action.
  let stopped = false;
  if (values.follow) {
    process.once("SIGINT", () => {
      stopped = true;
    });
  }
  const page = await api.get(`${base}/executions?${query}`);
  const seen = new Set();
  const emit = (execution) => {
    seen.add(execution.id);
    if (out.json) process.stdout.write(`${JSON.stringify(execution)}\n`);
    else out.line(formatExecution(execution));
  };
  // Oldest first, as a log reads.
  for (const execution of [...page.data].reverse()) emit(execution);
  if (!values.follow) return;
  // --json --follow prints one JSON object per line (NDJSON) as records arrive.
  const interval = Math.max(1, Number(values.interval ?? 2)) * 1000;
  out.progress("Following new executions (Ctrl-C to stop)…");
  while (!stopped) {
    await sleep(interval);
    const next = await api.get(`${base}/executions?${query}`);
    for (const execution of next.data.filter((item) => !seen.has(item.id)).reverse()) emit(execution);
  }
}

const HANDSHAKE = /ui\/initialize|@modelcontextprotocol\/ext-apps|new App\(|useApp\(/;

function schemaAdvice(tool) {
  const properties = tool.inputSchema?.properties ?? {};
  return Object.entries(properties)
    .filter(([, schema]) => !schema?.description)
    .map(([name]) => `input "${name}" has no description: models fill inputs better when told what each one means`);
}

/** Read-only checks of a project's draft, each with what to do about it. */
export function checkProject({ tools, components }) {
  const findings = [];
  const add = (severity, item, message) => findings.push({ severity, item, message });
  for (const tool of tools) {
    const item = `tools/${tool.name}`;
    if (!tool.description.trim()) add("warning", item, "no description: the model decides when to call a tool from its description");
    for (const message of schemaAdvice(tool)) add("info", item, message);
    if (tool.kind === "data" && !tool.outputSchema)
      add("info", item, "no output schema: hosts cannot validate or render structured results");
    const used = [...new Set([...(tool.handler ?? "").matchAll(/env\.secrets(?:\.|\[["'])([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]))];
    for (const name of used.filter((name) => !tool.secretNames.includes(name))) {
      add("error", item, `handler reads env.secrets.${name} but no secret ${name} is set: set it in the studio (Tool → Secrets)`);
    }
  }
  for (const component of components) {
    const text = component.kind === "tsx" ? component.source : component.html;
    if (!HANDSHAKE.test(text ?? "")) {
      add("warning", `components/${component.name}`, "no MCP Apps handshake (ui/initialize or the ext-apps App): hosts may never show it");
    }
  }
  const unused = components.filter(
    (component) => !tools.some((tool) => tool.component === component.name || tool.allowedComponents.includes(component.name)),
  );
  for (const component of unused) add("info", `components/${component.name}`, "no tool uses it");
  return findings;
}

// atelier doctor: advice about the draft, changes nothing.
export async function doctor({ values, out }) {
  const { api, org, project, base } = await projectContext(values);
  const [tools, components] = await Promise.all([api.get(`${base}/tools`), api.get(`${base}/components`)]);
  const findings = checkProject({ tools: tools.data, components: components.data });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  out.result({ ok: true, project: `${org}/${project}`, findings, counts }, () => {
    if (findings.length === 0) out.line(`${org}/${project}: no advice, all checks passed.`);
    for (const finding of findings) out.line(`${finding.severity.padEnd(7)} ${finding.item}: ${finding.message}`);
    if (findings.length) out.line(`\n${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s).`);
  });
}
