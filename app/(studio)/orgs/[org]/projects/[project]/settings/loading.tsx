import { LoadingRegion, SectionsSkeleton } from "@/components/studio/skeletons";

export default function ProjectSettingsLoading() {
  return (
    <LoadingRegion>
      <SectionsSkeleton />
    </LoadingRegion>
  );
}
