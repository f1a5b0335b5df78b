"use client";

import { useRouter } from "next/navigation";
import { NameSlugFields } from "@/components/forms/name-slug-fields";
import { useNameSlugForm } from "@/components/forms/use-name-slug-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useCreateOrganization } from "@/lib/hooks/use-organizations";

const NAME_LABEL = "Organization name";

export function CreateOrganizationForm() {
  const router = useRouter();
  const createOrganization = useCreateOrganization();
  const { errors, formError, onSubmit } = useNameSlugForm({
    nameLabel: NAME_LABEL,
    submit: (input, onError) =>
      createOrganization.mutate(input, {
        onSuccess: (organization) => {
          router.push(`/orgs/${organization.slug}`);
          router.refresh();
        },
        onError,
      }),
  });

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
