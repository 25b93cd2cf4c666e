package dev.oneonone.meetings.rest.scim;

/**
 * A SCIM error (RFC 7644 section 3.12): answered with its status, {@code scimType} and detail as
 * {@code urn:ietf:params:scim:api:messages:2.0:Error} by {@link ScimErrors}.
 */
public class ScimError extends RuntimeException {
    private final int status;
    private final String scimType;

    public ScimError(int status, String scimType, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimError invalidValue(String attribute, String message) {
        return new ScimError(400, "invalidValue", attribute + ": " + message);
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
