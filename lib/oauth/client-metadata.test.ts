import { describe, expect, it } from "vitest";
import { parseClientMetadata } from "./client-metadata";
import { OAuthError } from "./oauth-error";

const base = { client_name: "Claude", redirect_uris: ["https://claude.ai/api/mcp/auth_callback"] };

function errorOf(input: unknown, allowSecret = true) {
  try {
    parseClientMetadata(input, { allowSecret });
  } catch (error) {
    if (error instanceof OAuthError) return { code: error.code, description: error.description };
    throw error;
  }
  throw new Error("expected an OAuthError");
}

describe("client metadata", () => {
  it("keeps what Atelier uses, with public-client defaults", () => {
    expect(parseClientMetadata(base, { allowSecret: true })).toEqual({
      name: "Claude",
      redirectUris: base.redirect_uris,
      tokenEndpointAuthMethod: "none",
      clientUri: null,
      logoUri: null,
      grantTypes: ["authorization_code", "refresh_token"],
      scope: "mcp",
    });
  });

  it("names a nameless client by its redirect host", () => {
    expect(parseClientMetadata({ redirect_uris: ["https://chatgpt.com/connector/oauth/x"] }, { allowSecret: true }).name).toBe(
      "chatgpt.com",
    );
  });

  it("turns client_secret_basic into client_secret_post, and refuses secrets for metadata documents", () => {
    expect(
      parseClientMetadata({ ...base, token_endpoint_auth_method: "client_secret_basic" }, { allowSecret: true }).tokenEndpointAuthMethod,
    ).toBe("client_secret_post");
    expect(errorOf({ ...base, token_endpoint_auth_method: "client_secret_post" }, false).code).toBe("invalid_client_metadata");
  });

  it("reports redirect URI problems as invalid_redirect_uri and the rest as invalid_client_metadata", () => {
    expect(errorOf({ ...base, redirect_uris: ["http://evil.example/cb"] })).toMatchObject({
      code: "invalid_redirect_uri",
      description: expect.stringMatching(/https/),
    });
    expect(errorOf({ ...base, redirect_uris: "https://claude.ai/cb" }).code).toBe("invalid_redirect_uri");
    expect(errorOf({ client_name: "No URIs" }).code).toBe("invalid_redirect_uri");
    expect(errorOf({ ...base, logo_uri: "http://claude.ai/logo.png" })).toMatchObject({
      code: "invalid_client_metadata",
      description: expect.stringMatching(/logo_uri/),
    });
    expect(errorOf({ ...base, grant_types: ["refresh_token"] }).description).toMatch(/authorization_code/);
    expect(errorOf({ ...base, response_types: ["token"] }).description).toMatch(/code/);
    expect(errorOf([]).code).toBe("invalid_client_metadata");
  });
});
