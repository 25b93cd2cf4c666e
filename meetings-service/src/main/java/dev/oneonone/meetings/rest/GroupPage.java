package dev.oneonone.meetings.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.oneonone.kit.rest.Paging;
import dev.oneonone.meetings.application.directory.GroupName;
import dev.oneonone.meetings.application.directory.GroupRef;

@Schema(name = "GroupPage", description = "One page of named groups, by kind then code.")
public record GroupPage(List<GroupView> items,
        @Schema(description = Paging.NEXT_DESCRIPTION, example = "dGVhbTpwbGF0Zm9ybQ", nullable = true) String next) {

    /** From up to limit + 1 rows by kind and code: the cursor is the last one's kind:code, Base64url. */
    static GroupPage of(List<GroupName> rows, int limit) {
        Paging.Page<GroupView> page = Paging.keyed(rows, limit, GroupView::of, row -> Base64.getUrlEncoder()
                .withoutPadding().encodeToString((row.kind + ":" + row.code).getBytes(StandardCharsets.UTF_8)));
        return new GroupPage(page.items(), page.next());
    }

    /** The group a cursor names; null without one; 400 naming {@code after} for a cursor not given out here. */
    static GroupRef after(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after.trim()), StandardCharsets.UTF_8);
            if (text.matches(LookupPeopleRequest.GROUP_PATTERN)) {
                return GroupRef.parse(text);
            }
        } catch (IllegalArgumentException e) {
            // not Base64: refused below like any other text
        }
        throw Paging.notACursor();
    }
}
