package dev.oneonone.events.agenda;

/** Who can read a note: both participants, or its author only. */
public enum NoteVisibility {
    SHARED,
    PRIVATE
}
