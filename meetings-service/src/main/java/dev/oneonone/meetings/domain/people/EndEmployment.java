package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;

/** Record that a person left the organisation. */
public record EndEmployment(LocalDate lastDay) {
}
