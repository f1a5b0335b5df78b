import { LoadingRegion } from "@/components/studio/skeletons";
import { Skeleton } from "@/components/ui/spinner";

export default function ToolLoading() {
  return (
    <LoadingRegion label="Loading tool">
      <div className="space-y-5">
        <div className="space-y-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-7 w-56" />
        </div>
        <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
          <div className="space-y-4 rounded-xl border border-line bg-surface p-5">
            <div className="flex gap-3">
              {Array.from({ length: 4 }, (_, index) => (
                <Skeleton key={index} className="h-6 w-20" />
              ))}
            </div>
            <Skeleton className="h-80 w-full" />
          </div>
          <div className="space-y-4 rounded-xl border border-line bg-surface p-5">
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-24 w-full" />
            <Skeleton className="h-9 w-full" />
          </div>
        </div>
      </div>
    </LoadingRegion>
  );
}
