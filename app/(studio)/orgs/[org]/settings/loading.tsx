import { LoadingRegion, PageHeaderSkeleton, TableSkeleton } from "@/components/studio/skeletons";

export default function SettingsLoading() {
  return (
    <LoadingRegion>
      <div className="space-y-8">
        <PageHeaderSkeleton />
        <TableSkeleton />
      </div>
    </LoadingRegion>
  );
}
