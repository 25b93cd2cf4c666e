package dev.oneonone.meetings.rest.scim;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.oneonone.kit.openapi.ResponseHeaders;

/**
 * The SCIM messages as the OpenAPI document shows them (RFC 7643, RFC 7644). The resources read and write JSON trees
 * themselves (SCIM bodies carry many attributes the suite ignores); these types only describe them.
 */
public final class ScimDocuments {
    static final String USER_EXAMPLE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","urn:oneonone:params:scim:schemas:extension:team:2.0:User"],
             "id":"2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12","externalId":"00u1ab2cd3EF4gh5i6j7","userName":"ada@acme.example",
             "name":{"formatted":"Ada Lovelace"},"displayName":"Ada Lovelace",
             "emails":[{"value":"ada@acme.example","type":"work","primary":true}],"active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"ENG",
               "manager":{"value":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01"}},
             "urn:oneonone:params:scim:schemas:extension:team:2.0:User":{"team":"platform"},
             "meta":{"resourceType":"User","created":"2026-01-05T09:00:00Z","lastModified":"2026-01-05T09:00:00Z",
               "location":"http://localhost:8081/scim/v2/Users/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12","version":"W/\\"1\\""}}""";
    /** What an identity provider sends to provision a user: no read-only id or meta. */
    static final String NEW_USER_EXAMPLE = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","urn:oneonone:params:scim:schemas:extension:team:2.0:User"],
             "externalId":"00u1ab2cd3EF4gh5i6j7","userName":"ada@acme.example",
             "name":{"formatted":"Ada Lovelace"},"displayName":"Ada Lovelace",
             "emails":[{"value":"ada@acme.example","type":"work","primary":true}],"active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"ENG",
               "manager":{"value":"7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01"}},
             "urn:oneonone:params:scim:schemas:extension:team:2.0:User":{"team":"platform"}}""";
    static final String PATCH_EXAMPLE = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"active","value":false}]}""";
    static final String ERROR_EXAMPLE = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"409","scimType":"uniqueness",
             "detail":"Another user of this organisation has the userName 'ada@acme.example' (compared case-insensitively)."}""";

    static final String LIST_EXAMPLE = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":1,"startIndex":1,"itemsPerPage":1,
             "Resources":[{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
               "id":"2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12","externalId":"00u1ab2cd3EF4gh5i6j7","userName":"ada@acme.example",
               "name":{"formatted":"Ada Lovelace"},"displayName":"Ada Lovelace",
               "emails":[{"value":"ada@acme.example","type":"work","primary":true}],"active":true,
               "meta":{"resourceType":"User","created":"2026-01-05T09:00:00Z","lastModified":"2026-01-05T09:00:00Z",
                 "location":"http://localhost:8081/scim/v2/Users/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12","version":"W/\\"1\\""}}]}""";
    static final String TOO_MANY_REQUESTS = "The client's rate limit budget is used up: try again after Retry-After "
            + "seconds; nothing was changed";
    static final String TOO_MANY_REQUESTS_EXAMPLE = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"429",
             "detail":"This client has used its budget of 600 requests per 60 s (policy integration); try again in 12 s."}""";

    private ScimDocuments() {
    }

    @Schema(name = "ScimUser", description = "A SCIM User (RFC 7643 section 4.1) with the enterprise extension (department, "
            + "manager) and the suite's team extension. Attributes not listed here are accepted and ignored.")
    public record User(
            @Schema(required = true) List<String> schemas,
            @Schema(description = "The person's id in the directory (read-only)", readOnly = true) String id,
            @Schema(description = "The identity provider's own id of the user") String externalId,
            @Schema(required = true, description = "Unique in the organisation, compared case-insensitively") String userName,
            Name name,
            @Schema(description = "The person's name in the directory (taken before name)") String displayName,
            @Schema(description = "The primary email (else the first) is the person's email") List<Email> emails,
            @Schema(description = "false ends the employment with today as the last day; true rehires a leaver from today") Boolean active,
            @JsonProperty("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User") Enterprise enterprise,
            @JsonProperty("urn:oneonone:params:scim:schemas:extension:team:2.0:User") Team team,
            @Schema(readOnly = true) Meta meta) {
    }

    @Schema(name = "ScimName", requiredProperties = "formatted", description = "Answers always carry formatted; a request may send givenName and familyName instead")
    public record Name(String formatted, String givenName, String familyName) {
    }

    @Schema(name = "ScimEmail", requiredProperties = "value")
    public record Email(String value, String type, Boolean primary) {
    }

    @Schema(name = "ScimEnterpriseUser", extensions = @Extension(name = ResponseHeaders.OPTIONAL_PROPERTIES, value = "true", parseValue = true), description = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
    public record Enterprise(@Schema(description = "A department code of the organisation", pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String department,
            Manager manager) {
    }

    @Schema(name = "ScimManager", requiredProperties = "value")
    public record Manager(@Schema(description = "The manager's id (a SCIM User's id)") String value,
            @JsonProperty("$ref") String ref, String displayName) {
    }

    @Schema(name = "ScimTeamUser", requiredProperties = "team", description = "urn:oneonone:params:scim:schemas:extension:team:2.0:User: the suite's extension")
    public record Team(@Schema(description = "A team code of the organisation", pattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$") String team) {
    }

    @Schema(name = "ScimMeta", requiredProperties = { "resourceType", "location" })
    public record Meta(String resourceType, Instant created, Instant lastModified, String location,
            @Schema(description = "A weak entity tag, the same as the ETag header", example = "W/\"3\"") String version) {
    }

    @Schema(name = "ScimUserList", description = "urn:ietf:params:scim:api:messages:2.0:ListResponse")
    public record UserList(List<String> schemas, long totalResults, int startIndex, int itemsPerPage,
            @JsonProperty("Resources") List<User> resources) {
    }

    @Schema(name = "ScimPatchRequest", description = "urn:ietf:params:scim:api:messages:2.0:PatchOp (RFC 7644 section 3.5.2)")
    public record Patch(List<String> schemas, @JsonProperty("Operations") List<PatchOperation> operations) {
    }

    @Schema(name = "ScimPatchOperation")
    public record PatchOperation(@Schema(description = "add, replace or remove, in any case (Microsoft Entra sends Replace)") String op,
            String path, @Schema(description = "Any JSON value") Object value) {
    }

    @Schema(name = "ScimError", requiredProperties = { "schemas", "status" }, description = "urn:ietf:params:scim:api:messages:2.0:Error (RFC 7644 section 3.12)")
    public record Error(List<String> schemas, @Schema(example = "400") String status,
            @Schema(example = "invalidValue") String scimType, String detail) {
    }

    @Schema(name = "ScimDiscovery", requiredProperties = "schemas", description = "A discovery document (RFC 7643 sections 5 to 7): ServiceProviderConfig, "
            + "a Schema, a ResourceType, or a ListResponse of them")
    public record Discovery(List<String> schemas, @Schema(description = "The resource's id (Schema, ResourceType)") String id) {
    }
}
