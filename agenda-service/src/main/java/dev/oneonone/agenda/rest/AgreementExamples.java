package dev.oneonone.agenda.rest;

/** Examples of the agreement and history import answers, for the OpenAPI document (problems as the API sends them). */
final class AgreementExamples {
    static final String AGREEMENT = """
            {"id": "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13", "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
             "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
             "wording": "Write up the on-call proposal and share it with the team",
             "ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "ownerRole": "COMPANION", "dueOn": "2026-12-04",
             "status": "OPEN", "dropReason": null, "overdue": false, "madeAt": "2026-11-24T09:25:00Z", "closedAt": null, "contentDeleted": false}""";
    static final String WITH_HISTORY = """
            {"agreement": {"id": "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13", "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
              "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "wording": "Write up the on-call proposal and share it with the team",
              "ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "ownerRole": "COMPANION", "dueOn": "2026-12-11",
              "status": "OPEN", "dropReason": null, "overdue": false, "madeAt": "2026-11-24T09:25:00Z", "closedAt": null, "contentDeleted": false},
             "dueDateChanges": [{"from": "2026-12-04", "to": "2026-12-11", "at": "2026-12-01T14:02:00Z"}],
             "history": [
              {"what": "MADE", "at": "2026-11-24T09:25:00Z", "recordedAt": "2026-11-24T09:25:00Z", "dueOn": "2026-12-04", "reason": null},
              {"what": "DUE_DATE_CHANGED", "at": "2026-12-01T14:02:00Z", "recordedAt": "2026-12-01T14:02:00Z", "dueOn": "2026-12-11", "reason": null}]}""";
    static final String COMPLETED = """
            {"agreement": {"id": "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13", "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
              "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "wording": "Write up the on-call proposal and share it with the team",
              "ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "ownerRole": "COMPANION", "dueOn": "2026-12-04",
              "status": "COMPLETED", "dropReason": null, "overdue": false, "madeAt": "2026-11-24T09:25:00Z",
              "closedAt": "2026-12-03T16:40:00Z", "contentDeleted": false},
             "dueDateChanges": [],
             "history": [
              {"what": "MADE", "at": "2026-11-24T09:25:00Z", "recordedAt": "2026-11-24T09:25:00Z", "dueOn": "2026-12-04", "reason": null},
              {"what": "COMPLETED", "at": "2026-12-03T16:40:00Z", "recordedAt": "2026-12-03T16:40:00Z", "dueOn": null, "reason": null}]}""";
    static final String DROPPED = """
            {"agreement": {"id": "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13", "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
              "meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99", "wording": "Ask finance about the conference budget",
              "ownerId": "7f1c2f5e-3b7a-4d8e-9a51-0d6f2b9e1a01", "ownerRole": "LEADER", "dueOn": null,
              "status": "DROPPED", "dropReason": "NO_LONGER_NEEDED", "overdue": false, "madeAt": "2026-11-24T09:28:00Z",
              "closedAt": "2026-12-08T09:05:00Z", "contentDeleted": false},
             "dueDateChanges": [],
             "history": [
              {"what": "MADE", "at": "2026-11-24T09:28:00Z", "recordedAt": "2026-11-24T09:28:00Z", "dueOn": null, "reason": null},
              {"what": "DROPPED", "at": "2026-12-08T09:05:00Z", "recordedAt": "2026-12-08T09:05:00Z", "dueOn": null, "reason": "NO_LONGER_NEEDED"}]}""";
    static final String PAGE = """
            {"items": [{"id": "3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13", "seriesId": "0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
              "meetingId": "9b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
              "wording": "Write up the on-call proposal and share it with the team",
              "ownerId": "2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12", "ownerRole": "COMPANION", "dueOn": "2026-11-20",
              "status": "OPEN", "dropReason": null, "overdue": true, "madeAt": "2026-11-17T09:25:00Z", "closedAt": null, "contentDeleted": false}],
             "next": "MjAyNi0xMS0xN1QwOToyNTowMFp8M2M5ZTFiN2EtMGQ0Zi00YTJlLThiNjEtNWY3ZDJjOWUwYTEz"}""";
    static final String IMPORTED = """
            {"meetings": [{"meetingId": "5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
              "topicIds": ["8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c", "1e7d9c2b-3a4f-4b5e-8c6d-9f0a1b2c3d4e"],
              "agreementIds": ["3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13", "6a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"]}]}""";

    static final String MAKE_INVALID = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "2 fields are invalid", "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/agreements",
             "errors": [{"field": "ownerId", "message": "must be one of the two participants of the series", "reason": "invalid-value"},
              {"field": "wording", "message": "must not be blank", "reason": "not-blank"}]}""";
    static final String DROP_INVALID = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/agreements/3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13/drop",
             "errors": [{"field": "reason", "message": "must not be null", "reason": "not-null"}]}""";
    static final String IF_MATCH_INVALID = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/agreements/3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13/completion",
             "errors": [{"field": "If-Match", "message": "must be a version as given in an ETag, e.g. \\"3\\"", "reason": "not-an-entity-tag"}]}""";
    static final String LIST_INVALID = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/series/0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b/agreements",
             "errors": [{"field": "status", "message": "must be open, closed or all", "reason": "invalid-value"}]}""";
    static final String NOT_FOUND = """
            {"type": "https://oneonone.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No agreement 3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13",
             "instance": "/agreements/3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13"}""";
    static final String SERIES_NOT_FOUND = """
            {"type": "https://oneonone.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No series 0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b",
             "instance": "/series/0f3e2d1c-4b5a-4978-8a6b-5c4d3e2f1a0b/agreements"}""";
    static final String MEETING_NOT_FOUND = """
            {"type": "https://oneonone.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No meeting 5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/agreements"}""";
    static final String DID_NOT_TAKE_PLACE = """
            {"type": "https://oneonone.dev/problems/meeting-did-not-take-place", "title": "Conflict", "status": 409,
             "detail": "The meeting is cancelled: agreements are made at meetings that take place.",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/agreements"}""";
    static final String CLOSED = """
            {"type": "https://oneonone.dev/problems/agreement-closed", "title": "Conflict", "status": 409,
             "detail": "The agreement is completed: a closed agreement does not change any more.",
             "instance": "/agreements/3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13/completion"}""";
    static final String CHANGED = """
            {"type": "https://oneonone.dev/problems/agreement-changed", "title": "Conflict", "status": 409,
             "detail": "The agreement is at version 2, not 1: read it again and retry.",
             "instance": "/agreements/3c9e1b7a-0d4f-4a2e-8b61-5f7d2c9e0a13/due-date"}""";
    static final String KEY_REUSED = """
            {"type": "https://oneonone.dev/problems/idempotency-key-reused", "title": "Idempotency-Key reused",
             "status": 422, "detail": "This Idempotency-Key was used for a different request; use a new key for a new request.",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/agreements",
             "errors": [{"field": "Idempotency-Key", "message": "was used for a different request", "reason": "idempotency-key-reused"}]}""";

    static final String IMPORT_INVALID = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/imports/agenda-history",
             "errors": [{"field": "meetings[0].topics[1].title", "message": "must not be blank", "reason": "not-blank"}]}""";
    static final String IMPORT_FORBIDDEN = """
            {"type": "https://oneonone.dev/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role does not allow this operation.", "instance": "/imports/agenda-history"}""";
    static final String IMPORT_UNAUTHENTICATED = """
            {"type": "https://oneonone.dev/problems/unauthenticated", "title": "Unauthenticated", "status": 401,
             "detail": "A valid bearer token is required: missing, expired, wrongly signed or from another issuer.",
             "instance": "/imports/agenda-history"}""";
    static final String TOO_LARGE = """
            {"type": "https://oneonone.dev/problems/body-too-large", "title": "Request body too large", "status": 413,
             "detail": "The body has 17825792 bytes; the limit is 16777216.", "instance": "/imports/agenda-history"}""";
    static final String IMPORT_REFUSED = """
            {"type": "https://oneonone.dev/problems/import-refused", "title": "Import refused", "status": 422,
             "detail": "2 problems in the import; nothing was stored", "instance": "/imports/agenda-history",
             "errors": [{"field": "meetings[3].meetingId", "message": "no such meeting here (yet): import it into meetings-service first and wait for its events to arrive", "reason": "invalid-value"},
              {"field": "meetings[3].agreements[0].dropReason", "message": "is required for a dropped agreement", "reason": "invalid-value"}]}""";
    static final String IMPORT_KEY_REUSED = """
            {"type": "https://oneonone.dev/problems/idempotency-key-reused", "title": "Idempotency-Key reused",
             "status": 422, "detail": "This Idempotency-Key was used for a different request; use a new key for a new request.",
             "instance": "/imports/agenda-history",
             "errors": [{"field": "Idempotency-Key", "message": "was used for a different request", "reason": "idempotency-key-reused"}]}""";

    private AgreementExamples() {
    }
}
