import { LoadingRegion, PageHeaderSkeleton, TableSkeleton } from "@/components/studio/skeletons";

export default function HistoryLoading() {
  return (
    <LoadingRegion label="Loading history">
      <div className="space-y-6">
        <PageHeaderSkeleton />
        <TableSkeleton rows={3} />
      </div>
    </LoadingRegion>
  );
}
