import { LoadingRegion, PageHeaderSkeleton, TableSkeleton } from "@/components/studio/skeletons";

export default function ToolsLoading() {
  return (
    <LoadingRegion label="Loading tools">
      <div className="space-y-6">
        <PageHeaderSkeleton />
        <TableSkeleton />
      </div>
    </LoadingRegion>
  );
}
