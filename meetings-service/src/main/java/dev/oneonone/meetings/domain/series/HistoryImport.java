package dev.oneonone.meetings.domain.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.oneonone.events.meetings.MeetingsEvent;
import dev.oneonone.meetings.domain.Decision;
import dev.oneonone.meetings.domain.Rejection;

/**
 * Turns a past series and its meetings into events, each with the real date it happened on. The
 * series takes history ({@link Series#importing()}): past dates are fine, every other rule holds.
 * A refusal names the field at fault as a path in the imported row, e.g. {@code meetings[2].heldAt}.
 */
public final class HistoryImport {

    /** One past series: how it started, its meetings in order and, when it ended, when. */
    public record ImportedSeries(StartSeries start, List<ImportedMeeting> meetings, EndSeries end) {
        public ImportedSeries {
            meetings = meetings == null ? List.of() : List.copyOf(meetings);
        }
    }

    /** One past meeting: scheduled, moved any number of times, then held or cancelled (or neither). */
    public record ImportedMeeting(ScheduleMeeting schedule, List<RescheduleMeeting> reschedules,
            RecordMeetingHeld held, CancelMeeting cancel) {
        public ImportedMeeting {
            reschedules = reschedules == null ? List.of() : List.copyOf(reschedules);
        }
    }

    /** An event with when it happened in the domain. */
    public record Occurrence(MeetingsEvent event, Instant occurredAt) {
    }

    public sealed interface Outcome {
        record Imported(List<Occurrence> occurrences) implements Outcome {
            public Imported {
                occurrences = List.copyOf(occurrences);
            }
        }

        record Refused(Rejection rejection) implements Outcome {
        }
    }

    private HistoryImport() {
    }

    public static Outcome of(ImportedSeries imported) {
        List<Occurrence> occurrences = new ArrayList<>();
        Decision started = Series.start(imported.start());
        if (started instanceof Decision.Rejected rejected) {
            return new Outcome.Refused(rejected.rejection());
        }
        ((Decision.Accepted) started).events().forEach(e -> occurrences.add(new Occurrence(e, imported.start().occurredAt())));
        Series series = Series.from(occurrences.stream().map(Occurrence::event).toList()).importing();

        for (int m = 0; m < imported.meetings().size(); m++) {
            ImportedMeeting meeting = imported.meetings().get(m);
            String at = "meetings[" + m + "]";
            Rejection refused = take(series, occurrences, meeting.schedule(), series::schedule, at, null);
            for (int r = 0; refused == null && r < meeting.reschedules().size(); r++) {
                refused = take(series, occurrences, meeting.reschedules().get(r), series::reschedule,
                        at + ".reschedules[" + r + "]", null);
            }
            if (refused == null && meeting.held() != null) {
                refused = take(series, occurrences, meeting.held(), series::recordHeld, at, null);
            }
            if (refused == null && meeting.cancel() != null) {
                refused = take(series, occurrences, meeting.cancel(), series::cancel, at, "cancelReason");
            }
            if (refused != null) {
                return new Outcome.Refused(refused);
            }
        }
        if (imported.end() != null) {
            Rejection refused = take(series, occurrences, imported.end(), series::end, "endedOn", null);
            if (refused != null) {
                return new Outcome.Refused(refused);
            }
        }
        return new Outcome.Imported(occurrences);
    }

    /** Decides one command and folds its events; answers the rejection with its field as a path, or null. */
    private static <C extends SeriesCommand> Rejection take(Series series, List<Occurrence> occurrences, C command,
            Function<C, Decision> decide, String path, String reasonField) {
        Decision decision = decide.apply(command);
        if (decision instanceof Decision.Rejected rejected) {
            Rejection rejection = rejected.rejection();
            String field = rejection.field() == null ? path
                    : path.equals("endedOn") ? path
                    : path + "." + ("reason".equals(rejection.field()) && reasonField != null ? reasonField : rejection.field());
            return new Rejection(rejection.reason(), rejection.detail(), field);
        }
        for (MeetingsEvent event : ((Decision.Accepted) decision).events()) {
            series.apply(event);
            occurrences.add(new Occurrence(event, command.occurredAt()));
        }
        return null;
    }
}
