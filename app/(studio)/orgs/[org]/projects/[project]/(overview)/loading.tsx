import { LoadingRegion, SectionsSkeleton } from "@/components/studio/skeletons";

export default function ProjectPageLoading() {
  return (
    <LoadingRegion>
      <SectionsSkeleton />
    </LoadingRegion>
  );
}
