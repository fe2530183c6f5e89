package net.erp.registry.json;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import net.erp.contract.error.OAuthErrorMapper;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Sends a body Jackson could not bind (unknown field, wrong type) through the platform's error format.
 * quarkus-rest-jackson ships its own mapper for {@link MismatchedInputException}, which is more specific
 * than the contract's mapper of every {@code JsonProcessingException} and would otherwise answer in its own
 * format.
 */
public class UnreadableBodyMapper {

    private final OAuthErrorMapper errors = new OAuthErrorMapper();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return errors.unreadableJson(e);
    }
}
