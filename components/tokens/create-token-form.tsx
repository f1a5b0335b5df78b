"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";

/** Names a new token; `create` returns it with its value, which the caller shows once. */
export function CreateTokenForm<Created>({
  hint,
  label,
  create,
  pending,
  onCreated,
}: {
  hint: ReactNode;
  /** The form's accessible name, where a page has more than one kind of token. */
  label?: string;
  create: (input: { name: string }) => Promise<Created>;
  pending: boolean;
  onCreated: (token: Created) => void;
}) {
  const [error, setError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get("name") ?? "").trim();
    if (!name) {
      setError("Token name is required");
      return;
    }
    setError(undefined);
    try {
      const created = await create({ name });
      form.reset();
      onCreated(created);
    } catch (caught) {
      const fields = fieldErrorsOf(caught);
      setError(fields.name ? `Token name ${fields.name}` : errorMessage(caught));
    }
  }

  return (
    <form className="flex flex-col gap-3 sm:flex-row sm:items-start" onSubmit={onSubmit} noValidate aria-label={label}>
      <Field label="Token name" hint={hint} error={error} className="flex-1">
        {(control) => <Input {...control} name="name" autoComplete="off" maxLength={100} required />}
      </Field>
      <Button type="submit" variant="primary" loading={pending} className="sm:mt-6.5">
        Create token
      </Button>
    </form>
  );
}
