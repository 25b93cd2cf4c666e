package dev.oneonone.meetings.domain.people;

import java.time.LocalDate;

/** Record (or, before it takes effect, correct) the last day of a person's employment; {@code today} is the organisation's. */
public record EndEmployment(LocalDate lastDay, LocalDate today) {
}
