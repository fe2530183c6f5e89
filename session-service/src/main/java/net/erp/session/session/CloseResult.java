package net.erp.session.session;

/**
 * The answer of the internal close call.
 *
 * @param closed how many sessions were closed
 */
public record CloseResult(long closed) {
}
