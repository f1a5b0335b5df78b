import { LoadingRegion, PageHeaderSkeleton, SectionsSkeleton } from "@/components/studio/skeletons";
import { Skeleton } from "@/components/ui/spinner";

// Shown while a project's layout (header and sidebar) loads.
export default function ProjectLoading() {
  return (
    <LoadingRegion>
      <div className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        <div className="mb-8 border-b border-line pb-5">
          <PageHeaderSkeleton />
        </div>
        <div className="flex flex-col gap-6 md:flex-row md:gap-10">
          <div className="flex gap-2 md:w-48 md:flex-col">
            <Skeleton className="h-8 w-24 md:w-full" />
            <Skeleton className="h-8 w-24 md:w-full" />
          </div>
          <div className="flex-1">
            <SectionsSkeleton />
          </div>
        </div>
      </div>
    </LoadingRegion>
  );
}
