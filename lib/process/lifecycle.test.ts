import { describe, expect, it } from "vitest";
import { beginActivity, isShuttingDown, onShutdown, shutDown } from "./lifecycle";

describe("process lifecycle", () => {
  it("waits for running activities, then runs flush hooks before close hooks, and survives a failing hook", async () => {
    const events: string[] = [];
    onShutdown("database", async () => void events.push("close database"), { phase: "close" });
    onShutdown("records", async () => void events.push("flush records"));
    onShutdown("broken", async () => {
      events.push("broken");
      throw new Error("this hook fails");
    });
    const endCall = beginActivity();
    const stopping = shutDown();
    expect(isShuttingDown()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]); // the call is still running

    events.push("call finished");
    endCall();
    endCall(); // ending twice counts once
    await stopping;
    expect(events).toEqual(["call finished", "flush records", "broken", "close database"]);
  });
});
