package dev.oneonone.events.meetings;

import java.util.UUID;

/**
 * An event of a person in the organisation's directory; the person is the aggregate. Payloads
 * carry ids and the organisation's team and department codes, never a name or an email address:
 * those stay in meetings-service and its API.
 */
public sealed interface PersonEvent extends MeetingsEvent
        permits PersonRegistered, PersonDetailsChanged, ReportingLineChanged, EmploymentEnded, EmploymentEndWithdrawn,
        PersonRehired, PersonErased {
    String AGGREGATE_TYPE = "person";

    UUID personId();

    @Override
    default UUID aggregateId() {
        return personId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }
}
