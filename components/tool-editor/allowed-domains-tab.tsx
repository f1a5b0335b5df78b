"use client";

import { Alert } from "@/components/ui/alert";
import { StringListEditor } from "@/components/ui/string-list-editor";

/** The hosts the handler's fetch() may reach. Saved with the tool. */
export function AllowedDomainsTab({
  domains,
  onChange,
  readOnly,
  error,
}: {
  domains: string[];
  onChange: (domains: string[]) => void;
  readOnly: boolean;
  error?: string;
}) {
  return (
    <div className="space-y-4">
      <Alert
        tone={domains.length === 0 ? "warning" : "info"}
        title={domains.length === 0 ? "All outbound requests are blocked" : "Only these hosts can be reached"}
      >
        An empty list blocks all outbound requests: <code className="font-mono">fetch()</code> fails inside the sandbox before any request
        is made. Add exact hosts (<code className="font-mono">api.example.com</code>) or a wildcard for subdomains (
        <code className="font-mono">*.example.com</code>).
      </Alert>
      <StringListEditor
        label="Allowed domains"
        itemLabel="Domain"
        values={domains}
        onChange={onChange}
        placeholder="api.example.com"
        readOnly={readOnly}
        error={error}
        emptyText="No allowed domains."
        normalize={(value) =>
          value
            .trim()
            .toLowerCase()
            .replace(/^https?:\/\//, "")
            .replace(/\/.*$/, "")
        }
      />
    </div>
  );
}
