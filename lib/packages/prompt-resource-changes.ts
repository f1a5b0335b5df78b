// Breaking changes of prompts and resources between two package contents (issue 13): hosts
// invoke prompts by name with named arguments, and read resources by URI. So a prompt removed, an
// argument removed, or an argument that became required breaks them; so does a resource or
// template that disappears or whose URI changes. Findings use the tools' BreakingChange shape
// (`tool` names the prompt or resource), so the publish dialog and History show them alike.
import type { BreakingChange } from "./breaking-changes";
import type { PackageContents } from "./manifest";

type Contents = Pick<PackageContents, "prompts" | "resources">;

export function analyzePromptAndResourceChanges(before: Contents | null, after: Contents): BreakingChange[] {
  const changes: BreakingChange[] = [];
  const afterPrompts = new Map((after.prompts ?? []).map((prompt) => [prompt.name, prompt]));
  for (const old of before?.prompts ?? []) {
    const current = afterPrompts.get(old.name);
    if (!current) {
      changes.push({
        tool: old.name,
        kind: "prompt_removed",
        path: "",
        message: `Prompt '${old.name}' was removed: hosts that offer it will get an error.`,
      });
      continue;
    }
    const currentArguments = new Map(current.arguments.map((argument) => [argument.name, argument]));
    for (const argument of old.arguments) {
      const now = currentArguments.get(argument.name);
      if (!now) {
        changes.push({
          tool: old.name,
          kind: "prompt_argument_removed",
          path: `/${argument.name}`,
          message: `Argument '${argument.name}' of prompt '${old.name}' was removed: hosts that pass it will be refused.`,
        });
      } else if (now.required && !argument.required) {
        changes.push({
          tool: old.name,
          kind: "prompt_argument_newly_required",
          path: `/${argument.name}`,
          message: `Argument '${argument.name}' of prompt '${old.name}' is now required: hosts that leave it out will be refused.`,
        });
      }
    }
    for (const argument of current.arguments) {
      if (argument.required && !old.arguments.some((previous) => previous.name === argument.name)) {
        changes.push({
          tool: old.name,
          kind: "prompt_argument_newly_required",
          path: `/${argument.name}`,
          message: `Prompt '${old.name}' has a new required argument '${argument.name}': hosts that don't pass it will be refused.`,
        });
      }
    }
  }
  const afterResources = new Map((after.resources ?? []).map((resource) => [resource.name, resource]));
  for (const old of before?.resources ?? []) {
    const current = afterResources.get(old.name);
    const what = old.kind === "template" ? "Resource template" : "Resource";
    if (!current) {
      changes.push({
        tool: old.name,
        kind: "resource_removed",
        path: "",
        message: `${what} '${old.name}' (${old.uri}) was removed: hosts that read it will get "resource not found".`,
      });
    } else if (current.uri !== old.uri) {
      changes.push({
        tool: old.name,
        kind: "resource_uri_changed",
        path: "",
        message: `${what} '${old.name}' moved from ${old.uri} to ${current.uri}: hosts that kept the old URI will get "resource not found".`,
      });
    }
  }
  return changes;
}
