"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { LoadingRegion, Skeleton } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { usePublish, usePublishPreview } from "@/lib/hooks/use-publish";
import { useRunTests, useTestGate, useTestRuns } from "@/lib/hooks/use-test-cases";
import { BehaviourDiffSection } from "./behaviour-diff";
import { PublishForm } from "./publish-form";
import { PublishedResult } from "./published-result";
import { type GateState, TestGateCheck } from "./test-gate-check";

function PreviewLoading() {
  return (
    <LoadingRegion label="Comparing the draft with production">
      <div className="space-y-3">
        <p className="text-sm text-muted">Comparing the draft with production…</p>
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-9 w-full" />
      </div>
    </LoadingRegion>
  );
}

/** Something the dialog needs could not be loaded: why, and a way to ask again. */
function ErrorWithRetry({
  title,
  retrying = false,
  onRetry,
  children,
}: {
  title: string;
  retrying?: boolean;
  onRetry: () => void;
  children: ReactNode;
}) {
  return (
    <Alert tone="danger" title={title}>
      <p>{children}</p>
      <Button size="sm" className="mt-3" loading={retrying} onClick={onRetry}>
        Try again
      </Button>
    </Alert>
  );
}

function PublishDialogBody({
  org,
  project,
  canOverrideGate,
  onClose,
}: {
  org: string;
  project: string;
  canOverrideGate: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  // Always recomputed on open: what gets reviewed is the draft as it is now.
  const preview = usePublishPreview(org, project, { refetchOnMount: "always" });
  // The mutation lives here, not in the form: the form may re-render away (the preview changes
  // once the draft is published) and the result must still be shown.
  const publish = usePublish(org, project);
  const [changelog, setChangelog] = useState("");
  const [overrideReason, setOverrideReason] = useState("");
  const [gateState, setGateState] = useState<GateState>({ blocked: false });
  const onGateStateChange = useCallback((state: GateState) => setGateState(state), []);
  // The suite runs on the draft once per dialog (and again on Try again or Refresh): the gate shows
  // that run, the behaviour diff compares production with it, and Publish sends its id so the
  // server does not run it again.
  const testGate = useTestGate(org, project);
  const mode = testGate.data;
  const total = useTestRuns(org, project).data?.lastResults.length;
  const draftRun = useRunTests(org, project);
  const hasProduction = preview.data ? preview.data.currentVersion !== null : undefined;
  const needsDraftRun = mode !== undefined && hasProduction !== undefined && (mode !== "off" || hasProduction);
  const started = useRef(false);
  useEffect(() => {
    if (needsDraftRun && !started.current) {
      started.current = true;
      draftRun.mutate({});
    }
  }, [needsDraftRun, draftRun]);
  // Forgets the run (the gate and the diff wait again) and lets the effect above start a new one.
  const rerunDraft = () => {
    started.current = false;
    draftRun.reset();
  };

  if (publish.data) return <PublishedResult org={org} project={project} published={publish.data} onClose={onClose} />;
  if (!publish.isPending) {
    if (preview.isError && !preview.isFetching) {
      return (
        <div className="space-y-4">
          <Alert tone="danger" title="Could not compare the draft with production">
            {errorMessage(preview.error)}
          </Alert>
          <DialogFooter>
            <Button onClick={onClose}>Close</Button>
            <Button variant="primary" onClick={() => preview.refetch()}>
              Try again
            </Button>
          </DialogFooter>
        </div>
      );
    }
    if (!preview.data || !preview.isFetchedAfterMount) return <PreviewLoading />;
    if (!preview.data.changed) {
      return (
        <div className="space-y-4">
          <Alert tone="info" title="Nothing to publish">
            {preview.data.currentVersion
              ? `The draft matches production (v${preview.data.currentVersion}). Change a tool or component first.`
              : "The draft has no tools or components yet. Create one first."}
          </Alert>
          <DialogFooter>
            <Button onClick={onClose}>Close</Button>
          </DialogFooter>
        </div>
      );
    }
  }
  if (!preview.data) return <PreviewLoading />;
  return (
    <PublishForm
      // A different suggestion (the preview was refreshed) starts the version field afresh; the changelog stays.
      key={preview.data.suggestedVersion}
      preview={preview.data}
      changelog={changelog}
      onChangelogChange={setChangelog}
      onRefresh={() => {
        // The draft has changed since the dialog opened: the gate and the diff must describe it as it is now.
        rerunDraft();
        void preview.refetch();
      }}
      refreshing={preview.isFetching}
      publishing={publish.isPending}
      blocked={gateState.blocked}
      gate={
        mode === undefined && testGate.isError ? (
          <ErrorWithRetry
            title="Could not load the project's test gate"
            retrying={testGate.isFetching}
            onRetry={() => void testGate.refetch()}
          >
            {errorMessage(testGate.error)} The test cases run once it has loaded.
          </ErrorWithRetry>
        ) : (
          <>
            {draftRun.error && (
              <ErrorWithRetry title="Could not run the test cases on the draft" onRetry={rerunDraft}>
                {errorMessage(draftRun.error)} Without that run, the draft's test results
                {hasProduction ? " and its behaviour against production" : ""} cannot be shown.
              </ErrorWithRetry>
            )}
            <BehaviourDiffSection
              org={org}
              project={project}
              hasProduction={preview.data.currentVersion !== null}
              draftRunId={draftRun.data?.id}
              draftRunFailed={draftRun.isError}
            />
            <TestGateCheck
              mode={mode}
              run={draftRun}
              total={total}
              canOverride={canOverrideGate}
              overrideReason={overrideReason}
              onOverrideReasonChange={setOverrideReason}
              onStateChange={onGateStateChange}
            />
          </>
        )
      }
      onPublish={async (input) => {
        await publish.mutateAsync({
          ...input,
          ...(overrideReason.trim() ? { overrideReason: overrideReason.trim() } : {}),
          ...(draftRun.data ? { testRunId: draftRun.data.id } : {}),
        });
        // The header, the Server tab and History are server-rendered: show the new production there too.
        router.refresh();
      }}
      onCancel={onClose}
    />
  );
}

/** Review what the draft changes against production, pick the version, write the changelog, publish. */
export function PublishDialog({
  org,
  project,
  open,
  onOpenChange,
  canOverrideGate = false,
}: {
  org: string;
  project: string;
  /** Owners and Admins may publish although required test cases fail, with a reason. */
  canOverrideGate?: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Publish to production"
      description="The draft's tools and components become an immutable package, signed with the organization's key."
      // A responsive variant outranks the base max-w-md of <Dialog> (classes are joined, not merged).
      className="sm:max-w-3xl"
    >
      <PublishDialogBody org={org} project={project} canOverrideGate={canOverrideGate} onClose={() => onOpenChange(false)} />
    </Dialog>
  );
}
