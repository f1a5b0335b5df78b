"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { NameSlugFields, readNameAndSlug, serverFieldErrors } from "@/components/forms/name-slug-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorMessage } from "@/lib/hooks/api-fetch";
import { useCreateOrganization } from "@/lib/hooks/use-organizations";

const NAME_LABEL = "Organization name";

export function CreateOrganizationForm() {
  const router = useRouter();
  const createOrganization = useCreateOrganization();
  const [errors, setErrors] = useState<{ name?: string; slug?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, errors: invalid } = readNameAndSlug(event.currentTarget, NAME_LABEL);
    setErrors(invalid);
    setFormError(null);
    if (Object.keys(invalid).length > 0) return;
    createOrganization.mutate(input, {
      onSuccess: (organization) => {
        router.push(`/orgs/${organization.slug}`);
        router.refresh();
      },
      onError: (error) => {
        const byField = serverFieldErrors(error, NAME_LABEL);
        setErrors(byField);
        if (Object.keys(byField).length === 0) setFormError(errorMessage(error));
      },
    });
  }

  return (
    <form className="space-y-4" onSubmit={onSubmit} noValidate>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <NameSlugFields nameLabel={NAME_LABEL} errors={errors} autoFocus slugHint={(slug) => `Your organization's URL: /orgs/${slug}`} />
      <Button type="submit" variant="primary" className="w-full" loading={createOrganization.isPending}>
        Create organization
      </Button>
    </form>
  );
}
