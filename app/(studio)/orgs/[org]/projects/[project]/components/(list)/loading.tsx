import { CardGridSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/studio/skeletons";

export default function ComponentsLoading() {
  return (
    <LoadingRegion label="Loading components">
      <div className="space-y-6">
        <PageHeaderSkeleton />
        <CardGridSkeleton count={4} />
      </div>
    </LoadingRegion>
  );
}
