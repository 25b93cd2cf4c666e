package dev.oneonone.agenda.rest;

/** Examples of the problem details the API answers, for the OpenAPI document. */
final class ProblemExamples {
    static final String INVALID = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/topics",
             "errors": [{"field": "title", "message": "must not be blank", "reason": "not-blank"}]}""";
    static final String INVALID_RETENTION = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/organisation/retention",
             "errors": [{"field": "contentRetentionDays", "message": "must be greater than or equal to 1", "reason": "out-of-range"}]}""";
    static final String LIMIT = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/templates",
             "errors": [{"field": "limit", "message": "must be between 1 and 100", "reason": "out-of-range"}]}""";
    static final String UNAUTHENTICATED = """
            {"type": "https://oneonone.dev/problems/unauthenticated", "title": "Unauthenticated", "status": 401,
             "detail": "A valid bearer token is required: missing, expired, wrongly signed or from another issuer.",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/agenda"}""";
    static final String FORBIDDEN = """
            {"type": "https://oneonone.dev/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "Your role does not allow this operation.", "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/agenda"}""";
    static final String NOT_FOUND = """
            {"type": "https://oneonone.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No meeting 5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99", "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/agenda"}""";
    static final String NOT_YOURS = """
            {"type": "https://oneonone.dev/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No export of 2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12 for you",
             "instance": "/exports/2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12"}""";
    static final String NOT_A_PERSON = """
            {"type": "https://oneonone.dev/problems/forbidden", "title": "Forbidden", "status": 403,
             "detail": "Only a person has an access log", "instance": "/access-records"}""";
    static final String CURSOR = """
            {"type": "https://oneonone.dev/problems/invalid-input", "title": "Invalid input", "status": 400,
             "detail": "1 field is invalid", "instance": "/access-records",
             "errors": [{"field": "after", "message": "must be the 'next' of a previous page", "reason": "not-a-cursor"}]}""";
    static final String NOT_OPEN = """
            {"type": "https://oneonone.dev/problems/meeting-not-open", "title": "Conflict", "status": 409,
             "detail": "The meeting has already started: topics go on the agenda before it starts.",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/topics"}""";
    static final String STALE = """
            {"type": "https://oneonone.dev/problems/version-conflict", "title": "Version conflict", "status": 409,
             "detail": "The agenda is no longer at version 4: it changed since it was read, or at the same time by another request; read it again and retry.",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/topics/order"}""";
    static final String ORDER_MISMATCH = """
            {"type": "https://oneonone.dev/problems/topic-order-mismatch", "title": "Conflict", "status": 409,
             "detail": "The order must name every topic of the agenda exactly once. Missing: [8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c].",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/topics/order"}""";
    static final String ALREADY_DISCUSSED = """
            {"type": "https://oneonone.dev/problems/topic-already-discussed", "title": "Conflict", "status": 409,
             "detail": "The topic was already discussed.",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/topics/8a1f0c3e-5b2d-4c7e-9f60-1d2e3f4a5b6c/discussed"}""";
    static final String NOTE_CHANGED = """
            {"type": "https://oneonone.dev/problems/note-changed", "title": "Conflict", "status": 409,
             "detail": "The note is at revision 3, not 2: read it again and retry.",
             "instance": "/notes/3c9e2f4a-7b1d-4e8a-9f02-6a5b4c3d2e1f"}""";
    static final String TEMPLATE_CHANGED = """
            {"type": "https://oneonone.dev/problems/template-changed", "title": "Conflict", "status": 409,
             "detail": "The template is at version 2, not 1: read it again and retry.",
             "instance": "/templates/0b6f3c1e-2a4d-4f8e-9c7b-1d2e3f4a5b6c"}""";
    static final String KEY_REUSED = """
            {"type": "https://oneonone.dev/problems/idempotency-key-reused", "title": "Idempotency-Key reused",
             "status": 422, "detail": "This Idempotency-Key was used for a different request; use a new key for a new request.",
             "instance": "/meetings/5d0c7a3e-1f2b-4e6a-9c8d-7b3a2f1e0d99/notes",
             "errors": [{"field": "Idempotency-Key", "message": "was used for a different request", "reason": "idempotency-key-reused"}]}""";

    static final String IDEMPOTENCY_KEY = "Makes retries safe: the same key with the same request answers the first "
            + "answer again (header Idempotent-Replayed: true) and creates nothing; the same key with another request "
            + "is refused (422). 1 to 200 visible ASCII characters; keys are the caller's own.";

    private ProblemExamples() {
    }
}
