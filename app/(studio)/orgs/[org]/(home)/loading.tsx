import { CardGridSkeleton, LoadingRegion, PageHeaderSkeleton } from "@/components/studio/skeletons";

export default function OrganizationLoading() {
  return (
    <LoadingRegion>
      <div className="mx-auto w-full max-w-7xl space-y-6 px-4 py-8 sm:px-6">
        <PageHeaderSkeleton />
        <CardGridSkeleton />
      </div>
    </LoadingRegion>
  );
}
