package dev.oneonone.insights.projection;

/** A replay refused because another instance of the service is replaying (it holds the replay's advisory lock); answered 409. */
public class ReplayRunningException extends RuntimeException {
    public ReplayRunningException() {
        super("Another instance of insights-service is replaying the projections");
    }
}
