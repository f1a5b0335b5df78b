"use client";

import { useState, type FormEvent } from "react";
import { slugError } from "@/components/forms/name-slug-fields";
import { ApiError, errorMessage, fieldErrorsOf } from "@/lib/hooks/api-fetch";

type NameSlugErrors = { name?: string; slug?: string };

/** Reads name and slug from a submitted form and checks them; errors are keyed by field. */
function readNameAndSlug(form: HTMLFormElement, nameLabel: string) {
  const data = new FormData(form);
  const input = { name: String(data.get("name") ?? "").trim(), slug: String(data.get("slug") ?? "").trim() };
  const errors: NameSlugErrors = {};
  if (!input.name) errors.name = `${nameLabel} is required`;
  const slug = slugError(input.slug);
  if (slug) errors.slug = slug;
  return { input, errors };
}

/** Field errors from a failed create request: 422 by field; 409 means the slug is taken. */
function serverFieldErrors(error: unknown, nameLabel: string) {
  const fields = fieldErrorsOf(error);
  const errors: NameSlugErrors = {};
  if (fields.name) errors.name = `${nameLabel} ${fields.name}`;
  if (fields.slug) errors.slug = `Slug ${fields.slug}`;
  if (error instanceof ApiError && error.status === 409) errors.slug = error.message;
  return errors;
}

/**
 * Submitting a form of NameSlugFields: checks name and slug, then hands them to `submit`, which
 * starts the request and reports a failure to `onError`. A failure lands on its field, or in
 * `formError` when it belongs to no field.
 */
export function useNameSlugForm({
  nameLabel,
  submit,
}: {
  nameLabel: string;
  submit: (input: { name: string; slug: string }, onError: (error: unknown) => void) => void;
}) {
  const [errors, setErrors] = useState<NameSlugErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, errors: invalid } = readNameAndSlug(event.currentTarget, nameLabel);
    setErrors(invalid);
    setFormError(null);
    if (Object.keys(invalid).length > 0) return;
    submit(input, (error) => {
      const byField = serverFieldErrors(error, nameLabel);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFormError(errorMessage(error));
    });
  }

  return { errors, formError, onSubmit };
}
