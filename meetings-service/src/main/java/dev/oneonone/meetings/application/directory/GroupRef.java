package dev.oneonone.meetings.application.directory;

/** A team or department by its code, as the API writes it: {@code team:platform}, {@code department:ENG}. */
public record GroupRef(String kind, String code) {
    public static final String TEAM = "team";
    public static final String DEPARTMENT = "department";
    /** The kinds of group that have codes in the directory. */
    public static final String KIND_PATTERN = "team|department";

    /** From {@code kind:code}; the text must already match the API's pattern. */
    public static GroupRef parse(String text) {
        int colon = text.indexOf(':');
        return new GroupRef(text.substring(0, colon), text.substring(colon + 1));
    }
}
