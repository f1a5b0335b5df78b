// What the overview suggests next, from the project's state: the first unfinished step of the
// path from an empty project to a host using production, and which steps are done.
export type ProjectState = {
  uiTools: { name: string; componentName: string | null }[];
  dataTools: number;
  components: number;
  productionVersion: string | null;
  /** Tools and components the draft added, changed or removed since production. */
  unpublishedChanges: number;
  /** Whether the draft and production endpoints have recorded calls (within execution retention). */
  draftCalled: boolean;
  productionCalled: boolean;
};

export type StepId = "create-tool" | "attach-component" | "test-draft" | "publish" | "connect-host";
export type Step = { id: StepId; done: boolean; title: string; detail: string };

export function nextSteps(state: ProjectState): Step[] {
  const tools = state.uiTools.length + state.dataTools;
  const withoutComponent = state.uiTools.filter((tool) => !tool.componentName).map((tool) => tool.name);
  const published = state.productionVersion !== null;
  return [
    {
      id: "create-tool",
      done: tools > 0,
      title: "Create a tool",
      detail:
        tools > 0
          ? `${tools} tool${tools === 1 ? "" : "s"} in the draft.`
          : "A UI Tool shows a component in the host; a Data Tool returns data. Each is live on the draft endpoint as soon as it is saved.",
    },
    {
      id: "attach-component",
      done: state.uiTools.length > 0 && withoutComponent.length === 0,
      title: "Give each UI Tool a component",
      detail:
        state.uiTools.length === 0
          ? "No UI Tools yet: create one to show an interface in the host."
          : withoutComponent.length === 0
            ? "Every UI Tool has its component."
            : `Without a component: ${withoutComponent.join(", ")}.`,
    },
    {
      id: "test-draft",
      done: state.draftCalled,
      title: "Try it on the draft",
      detail: state.draftCalled
        ? "The draft endpoint has answered calls (see Executions)."
        : "Run a tool from its test panel, or connect a host to the draft endpoint with the draft token.",
    },
    {
      id: "publish",
      done: published && state.unpublishedChanges === 0,
      title: "Publish to production",
      detail: !published
        ? "Nothing is published yet: hosts connected to production see no tools."
        : state.unpublishedChanges > 0
          ? `${state.unpublishedChanges} change${state.unpublishedChanges === 1 ? "" : "s"} in the draft not in production v${state.productionVersion}.`
          : `The draft is what production v${state.productionVersion} serves.`,
    },
    {
      id: "connect-host",
      done: state.productionCalled,
      title: "Connect a host to production",
      detail: state.productionCalled
        ? "Production has answered calls from hosts."
        : "Add the production URL to Claude, ChatGPT or another MCP host (Server has the configuration).",
    },
  ];
}

export const countChanges = (changes: { tools: Record<string, string[]>; components: Record<string, string[]> }) =>
  [changes.tools, changes.components].flatMap((group) => Object.values(group)).reduce((total, names) => total + names.length, 0);
