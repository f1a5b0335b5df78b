"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";
import { preloadEditorForThisPage } from "@/components/code-editor/load-editor";
import { ToastProvider } from "@/components/ui/toast";

preloadEditorForThisPage();

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Pages arrive with server-rendered data; refetch only when a mutation invalidates it.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>{children}</ToastProvider>
      </QueryClientProvider>
    </SessionProvider>
  );
}
