// Shapes of the admin REST API (/app/v1) as the studio reads them. Dates are ISO strings.
import type { Role } from "@/lib/permissions";

export type { Role };
export type Page<T> = { data: T[]; nextCursor: string | null };

export type Organization = { id: string; slug: string; name: string; createdAt: string; role: Role };

export type UserSummary = { id: string; email: string; name: string };

export type Member = {
  id: string;
  role: Role;
  createdAt: string;
  userId: string;
  user: UserSummary;
  ownedProjects: { slug: string; name: string }[];
};

export type Invitation = { id: string; email: string; role: Role; expiresAt: string; createdAt?: string };
export type CreatedInvitation = Invitation & { link: string };
export type AcceptedInvitation = { organization: { slug: string; name: string }; role: Role };

export type Project = {
  id: string;
  slug: string;
  name: string;
  instructions: string;
  visibility: string;
  owners: UserSummary[];
  createdAt: string;
  updatedAt: string;
};

export type ApiToken = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };
export type CreatedApiToken = ApiToken & { token: string };

/** A server-side value as it looks after JSON: Dates become strings. Server pages use it to hand data to hooks. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends Array<infer Item>
    ? Jsonify<Item>[]
    : T extends object
      ? { [Key in keyof T]: Jsonify<T[Key]> }
      : T;

export function toJson<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonify<T>;
}
