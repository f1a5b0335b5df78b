"use client";

import { useState, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { slugSchema } from "@/lib/validation/common";

/** "Acme Café, Inc." → "acme-cafe-inc": lowercase letters, digits and single hyphens, at most 40 characters. */
export function slugify(name: string) {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}

/** The client-side check of a slug, worded for the form: "Slug must be at least 2 characters". */
export function slugError(slug: string): string | undefined {
  const result = slugSchema.safeParse(slug);
  return result.success ? undefined : `Slug ${result.error.issues[0].message}`;
}

/**
 * A name field and a slug field (form names "name" and "slug"). The slug follows the name
 * until someone edits it by hand.
 */
export function NameSlugFields({
  nameLabel,
  errors,
  slugHint,
  autoFocus = false,
}: {
  nameLabel: string;
  errors: { name?: string; slug?: string };
  slugHint: (slug: string) => ReactNode;
  autoFocus?: boolean;
}) {
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);

  return (
    <>
      <Field label={nameLabel} error={errors.name}>
        {(control) => (
          <Input
            {...control}
            name="name"
            value={name}
            autoFocus={autoFocus}
            autoComplete="off"
            required
            maxLength={100}
            onChange={(event) => {
              setName(event.target.value);
              if (!slugEdited) setSlug(slugify(event.target.value));
            }}
          />
        )}
      </Field>
      <Field label="Slug" hint={slugHint(slug || "your-slug")} error={errors.slug}>
        {(control) => (
          <Input
            {...control}
            name="slug"
            value={slug}
            required
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            className="font-mono"
            onChange={(event) => {
              setSlug(event.target.value);
              setSlugEdited(event.target.value !== "");
            }}
          />
        )}
      </Field>
    </>
  );
}
