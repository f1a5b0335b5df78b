import { LoadingRegion, SectionsSkeleton } from "@/components/studio/skeletons";

export default function ServerLoading() {
  return (
    <LoadingRegion>
      <SectionsSkeleton />
    </LoadingRegion>
  );
}
