import { Link } from "@/components/ui/link";
import { cn } from "@/components/ui/cn";

export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link href={href} className={cn("inline-flex items-center gap-2 rounded-md font-semibold tracking-tight text-fg", className)}>
      <svg viewBox="0 0 24 24" className="size-6" aria-hidden="true">
        <rect width="24" height="24" rx="6" className="fill-accent" />
        <path d="M7 17 12 6.5 17 17M9.2 13h5.6" fill="none" stroke="white" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>Atelier</span>
    </Link>
  );
}
