package dev.oneonone.meetings.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.oneonone.meetings.domain.series.CancelMeeting;
import dev.oneonone.meetings.domain.series.EndSeries;
import dev.oneonone.meetings.domain.series.HistoryImport.ImportedMeeting;
import dev.oneonone.meetings.domain.series.HistoryImport.ImportedSeries;
import dev.oneonone.meetings.domain.series.RecordMeetingHeld;
import dev.oneonone.meetings.domain.series.RescheduleMeeting;
import dev.oneonone.meetings.domain.series.ScheduleMeeting;
import dev.oneonone.meetings.domain.series.StartSeries;
import dev.oneonone.meetings.rest.ImportRequests.ImportedMeetingRow;
import dev.oneonone.meetings.rest.ImportRequests.ImportedSeriesRow;

/**
 * Turns import rows into the domain's commands, each with the real date it happened on: a series
 * started at the start of its first day, a meeting moved when the row says (else at the start it
 * moved from), cancelled when the row says (else at its start), held at heldAt; ended at the start
 * of its last day. An integration imports, so nobody in particular made the changes.
 */
final class HistoryImports {
    private HistoryImports() {
    }

    static ImportedSeries toCommand(ImportedSeriesRow row, Instant now) {
        ZoneId zone = zoneOrUtc(row.timeZone());
        UUID seriesId = UUID.randomUUID();
        StartSeries start = new StartSeries(seriesId, row.leaderId(), row.companionId(), row.relationship(),
                row.cadence(), row.plannedMinutes(), row.timeZone(), row.startsOn(), row.preferredWeekday(),
                row.preferredTime(), now, row.startsOn().atStartOfDay(zone).toInstant());
        List<ImportedMeeting> meetings = row.meetings() == null ? List.of()
                : row.meetings().stream().map(meeting -> toCommand(meeting, now)).toList();
        EndSeries end = row.endedOn() == null ? null
                : new EndSeries(now, row.endedOn().atStartOfDay(zone).toInstant());
        return new ImportedSeries(start, meetings, end);
    }

    private static ImportedMeeting toCommand(ImportedMeetingRow row, Instant now) {
        UUID meetingId = UUID.randomUUID();
        ScheduleMeeting schedule = new ScheduleMeeting(meetingId, row.scheduledFor(), row.plannedMinutes(), now,
                row.scheduledAt() != null ? row.scheduledAt() : row.scheduledFor());
        Instant[] current = { row.scheduledFor() };
        List<RescheduleMeeting> reschedules = row.reschedules() == null ? List.of()
                : row.reschedules().stream().map(move -> {
                    RescheduleMeeting command = new RescheduleMeeting(meetingId, move.to(), null, move.reason(), now,
                            move.at() != null ? move.at() : current[0]);
                    current[0] = move.to();
                    return command;
                }).toList();
        boolean held = row.heldAt() != null || row.actualMinutes() != null || row.mode() != null;
        RecordMeetingHeld recordHeld = held
                ? new RecordMeetingHeld(meetingId, row.heldAt(), row.actualMinutes(), row.mode(), now) : null;
        boolean cancelled = row.cancelReason() != null || row.cancelledAt() != null;
        CancelMeeting cancel = cancelled ? new CancelMeeting(meetingId, null, row.cancelReason(), now,
                row.cancelledAt() != null ? row.cancelledAt() : current[0]) : null;
        return new ImportedMeeting(schedule, reschedules, recordHeld, cancel);
    }

    /** The row's zone; a wrong one is refused by the domain with its field, this only keeps the dates computable. */
    private static ZoneId zoneOrUtc(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
