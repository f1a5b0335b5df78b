"use client";

import { SectionNav } from "@/components/settings/settings-nav";

/**
 * The project sidebar of SPEC §10: UI Tools, Data Tools, Components, Server, History,
 * Executions, Settings. Only the sections that exist are listed; the rest are added as they land.
 */
const SECTIONS = [
  { label: "Overview", path: "" },
  { label: "UI Tools", path: "/ui-tools" },
  { label: "Data Tools", path: "/data-tools" },
  { label: "Components", path: "/components" },
  { label: "Prompts", path: "/prompts" },
  { label: "Resources", path: "/resources" },
  { label: "Server", path: "/server" },
  { label: "Tests", path: "/tests" },
  { label: "History", path: "/history" },
  { label: "Executions", path: "/executions" },
  { label: "Settings", path: "/settings" },
] as const;

export function ProjectNav({ org, project }: { org: string; project: string }) {
  const base = `/orgs/${org}/projects/${project}`;
  return (
    <SectionNav
      label="Project"
      exact={[base]}
      items={SECTIONS.map((section) => ({ label: section.label, href: `${base}${section.path}` }))}
    />
  );
}
