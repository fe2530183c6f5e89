package net.erp.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;

/**
 * The registry's internal API takes client ids such as {@code com.vendor/app} in one path segment, encoded
 * as {@code com.vendor%2Fapp}; this checks that the REST layer of these services matches and decodes it so.
 */
@QuarkusTest
class PathEncodingTest {

    /** Test-only endpoint with a path parameter between two literal segments, as the registry has. */
    @Path("/test-only/apps/{clientId}/authenticate")
    public static class EchoResource {

        @GET
        public Uni<String> echo(@PathParam("clientId") String clientId) {
            return Uni.createFrom().item(clientId);
        }
    }

    @Test
    void whenClientIdWithSlashIsPercentEncodedThenOneSegmentDecoded() {
        given().urlEncodingEnabled(false).get("/test-only/apps/com.vendor%2Fapp/authenticate")
                .then().statusCode(200).body(equalTo("com.vendor/app"));
    }
}
