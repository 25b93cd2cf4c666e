package dev.oneonone.events.agenda;

import java.util.UUID;

/**
 * An event in the life of one agreement (an action item): made at a meeting of a series, then
 * completed, dropped or given another due date. The agreement is the aggregate and its id the key.
 */
public sealed interface AgreementEvent extends AgendaEvent
        permits AgreementMade, AgreementCompleted, AgreementDropped, AgreementDueDateChanged {
    String AGGREGATE_TYPE = "agreement";

    UUID agreementId();

    /** The series whose meetings review the agreement until it is closed. */
    UUID seriesId();

    @Override
    default UUID aggregateId() {
        return agreementId();
    }

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }
}
