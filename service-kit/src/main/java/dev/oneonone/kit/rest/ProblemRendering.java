package dev.oneonone.kit.rest;

import dev.oneonone.kit.problem.Problem;

/**
 * How the HTTP layer's own refusals ({@link HttpLayerProblems}: 413, 414, 431, a request it cannot route) are written
 * on the paths of another protocol whose clients expect its own error messages (meetings-service's SCIM endpoints):
 * a service offers a bean of this type, and those paths get its media type and body instead of a problem detail.
 */
public interface ProblemRendering {
    /** Whether requests to this path get this rendering. */
    boolean covers(String path);

    String mediaType();

    /** The body: the same status and detail, in the protocol's own form. */
    String render(Problem problem);
}
