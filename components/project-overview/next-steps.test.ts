// The overview's suggestions follow the project's state.
import { describe, expect, it } from "vitest";
import { countChanges, nextSteps, type ProjectState } from "./next-steps";

const empty: ProjectState = {
  uiTools: [],
  dataTools: 0,
  components: 0,
  productionVersion: null,
  unpublishedChanges: 0,
  draftCalled: false,
  productionCalled: false,
};
const done = (state: ProjectState) => Object.fromEntries(nextSteps(state).map((step) => [step.id, step.done]));

describe("project next steps", () => {
  it("starts with creating a tool", () => {
    expect(done(empty)).toEqual({
      "create-tool": false,
      "attach-component": false,
      "test-draft": false,
      publish: false,
      "connect-host": false,
    });
  });

  it("names the UI Tools without a component and counts unpublished changes", () => {
    const steps = nextSteps({
      ...empty,
      uiTools: [
        { name: "show_map", componentName: null },
        { name: "show_chart", componentName: "chart" },
      ],
      productionVersion: "1.2.0",
      unpublishedChanges: 2,
    });
    expect(steps.find((step) => step.id === "attach-component")?.detail).toBe("Without a component: show_map.");
    expect(steps.find((step) => step.id === "publish")).toMatchObject({
      done: false,
      detail: "2 changes in the draft not in production v1.2.0.",
    });
  });

  it("is all done for a published project in use", () => {
    const state = {
      ...empty,
      uiTools: [{ name: "a", componentName: "c" }],
      productionVersion: "1.0.0",
      draftCalled: true,
      productionCalled: true,
    };
    expect(Object.values(done(state)).every(Boolean)).toBe(true);
  });

  it("counts changes across tools and components", () => {
    expect(
      countChanges({ tools: { added: ["a"], modified: ["b"], removed: [] }, components: { added: [], modified: [], removed: ["c"] } }),
    ).toBe(3);
  });
});
