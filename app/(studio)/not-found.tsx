import { NotFoundPage } from "@/components/studio/not-found-page";

export default function StudioNotFound() {
  return <NotFoundPage />;
}
