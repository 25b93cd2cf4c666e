package dev.oneonone.insights.projection;

/** A replay refused because Kafka could not be asked whether it holds the whole history; answered 503 with Retry-After. */
public class HistoryUnavailableException extends RuntimeException {
    public HistoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
