import { NotFoundPage } from "@/components/studio/not-found-page";

export default function NotFound() {
  return <NotFoundPage />;
}
