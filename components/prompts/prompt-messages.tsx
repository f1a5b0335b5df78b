import type { PromptMessage } from "@/lib/hooks/use-prompts";

/** Rendered prompt messages, as a host would show them before sending them to the model. */
export function PromptMessages({ messages }: { messages: PromptMessage[] }) {
  return (
    <ol className="space-y-2" aria-label="Messages">
      {messages.map((message, index) => (
        <li key={index} className="rounded-lg border border-line bg-subtle/40 p-3">
          <p className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">{message.role}</p>
          <MessageContent content={message.content} />
        </li>
      ))}
    </ol>
  );
}

function MessageContent({ content }: { content: PromptMessage["content"] }) {
  if (content.type === "text") return <p className="text-sm whitespace-pre-wrap">{content.text}</p>;
  if (content.type === "image") {
    return (
      <img src={`data:${content.mimeType};base64,${content.data}`} alt="From the prompt" className="max-h-60 rounded border border-line" />
    );
  }
  if (content.type === "audio") return <p className="text-sm text-muted">Audio ({content.mimeType})</p>;
  return (
    <div className="space-y-1 text-sm">
      <p className="font-mono text-xs text-muted">
        {content.resource.uri}
        {content.resource.mimeType ? ` · ${content.resource.mimeType}` : ""}
      </p>
      <p className="whitespace-pre-wrap">{content.resource.text ?? `(${content.resource.blob?.length ?? 0} base64 characters)`}</p>
    </div>
  );
}
