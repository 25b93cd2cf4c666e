package dev.oneonone.local;

/** A service did not become ready: it exited, was too slow, or the services were stopped meanwhile. */
public final class ServiceStartException extends RuntimeException {

    /** @param message all a user needs to read, including the last lines of the service's log where it helps */
    public ServiceStartException(String message) {
        super(message);
    }
}
