package net.erp.session.error;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import net.erp.contract.error.OAuthErrorMapper;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body with an unknown field or a value of the wrong type, in the platform's error format. Quarkus REST
 * ships its own mapper for {@link MismatchedInputException}, which is more specific than the
 * {@code JsonProcessingException} that OAuthErrorMapper (service-contract) handles, and would answer
 * with Jackson's own body instead; this mapper hands the exception back to OAuthErrorMapper.
 */
public class UnreadableBodyMapper {

    private final OAuthErrorMapper errors = new OAuthErrorMapper();

    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e) {
        return errors.unreadableJson(e);
    }
}
