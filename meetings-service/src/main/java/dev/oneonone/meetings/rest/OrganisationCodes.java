package dev.oneonone.meetings.rest;

/**
 * The one rule for a team or department code: they travel on the organisation-wide event stream
 * ({@code PersonRegistered}, {@code PersonDetailsChanged}), so they are codes or ids of the organisation's HR system,
 * never display text. A code is 1 to 64 characters: a letter or digit first, then letters, digits, dot, underscore
 * or hyphen (ASCII only, no spaces), e.g. {@code platform}, {@code ENG}, {@code eng.platform-2}. Codes compare
 * exactly (case included). A value that does not match is refused with 400 naming the field.
 */
public final class OrganisationCodes {
    /** The pattern of a team or department code (the whole value must match). */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    /** The message of a refusal. */
    public static final String MESSAGE = "must be a code of 1 to 64 characters: a letter or digit, then letters, digits, "
            + "'.', '_' or '-' (it is published in events, so no names or other free text)";

    private OrganisationCodes() {
    }
}
