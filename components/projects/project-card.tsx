import { Link } from "@/components/ui/link";
import { Badge } from "@/components/ui/badge";
import { FormattedDate } from "@/components/ui/date";

export function VisibilityBadge({ visibility }: { visibility: string }) {
  return visibility === "public" ? <Badge tone="warning">Public</Badge> : <Badge>Private</Badge>;
}

export function ProjectCard({
  org,
  project,
}: {
  org: string;
  project: { slug: string; name: string; visibility: string; updatedAt: Date | string };
}) {
  return (
    <li>
      <Link
        href={`/orgs/${org}/projects/${project.slug}`}
        className="group flex h-full flex-col gap-4 rounded-xl border border-line bg-surface p-5 shadow-xs transition hover:border-line-strong hover:shadow-sm"
      >
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 className="truncate font-semibold text-fg group-hover:text-accent-fg">{project.name}</h2>
            <p className="truncate font-mono text-xs text-muted">{project.slug}</p>
          </div>
          <VisibilityBadge visibility={project.visibility} />
        </div>
        <p className="mt-auto text-xs text-muted">
          Updated <FormattedDate value={project.updatedAt} />
        </p>
      </Link>
    </li>
  );
}
