package net.erp.session.session;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of the internal close call.
 *
 * @param closed how many sessions were closed
 */
@RegisterForReflection
public record CloseResult(long closed) {
}
