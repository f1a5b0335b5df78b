import { LoadingRegion, PageHeaderSkeleton, TableSkeleton } from "@/components/studio/skeletons";
import { Skeleton } from "@/components/ui/spinner";

export default function ExecutionsLoading() {
  return (
    <LoadingRegion label="Loading executions">
      <div className="space-y-6">
        <PageHeaderSkeleton />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-[74px] rounded-xl" />
          ))}
        </div>
        <TableSkeleton rows={5} />
      </div>
    </LoadingRegion>
  );
}
