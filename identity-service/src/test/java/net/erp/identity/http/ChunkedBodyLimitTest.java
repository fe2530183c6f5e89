package net.erp.identity.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.erp.identity.TestTenant;
import net.erp.identity.TestTenant.TestApp;
import org.junit.jupiter.api.Test;

/** A body sent in chunks, without Content-Length: within the cap it is read as usual; past it, 413 in RFC 6749 form. */
@QuarkusTest
class ChunkedBodyLimitTest {

    private final TestTenant tenant = TestTenant.create();

    /** Sends a chunked POST over a plain socket (HTTP clients set Content-Length themselves) and reads the answer. */
    private String postChunked(String path, String authorization, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + tenant.host() + "\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
            for (int start = 0; start < bytes.length; start += 4096) {
                int length = Math.min(4096, bytes.length - start);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, start, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static String read(InputStream in) throws IOException {
        var answer = new ByteArrayOutputStream();
        try {
            in.transferTo(answer);
        } catch (IOException e) {
            // The server may close the connection once it answered; what arrived is the answer.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static String basic(TestApp app) {
        return "Basic " + Base64.getEncoder().encodeToString((app.clientId() + ":" + app.secret())
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tokenWhenChunkedBodyPassesCapThenRfc6749ErrorBody() throws IOException {
        TestApp app = tenant.app();

        String answer = postChunked("/id/connect/token", basic(app),
                "grant_type=client_credentials&scope=" + "r".repeat(70 * 1024));

        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"error\":\"invalid_request\""), answer);
        assertTrue(answer.contains("\"error_description\""), answer);
    }

    @Test
    void tokenWhenChunkedBodyWithinCapThenTokenIssued() throws IOException {
        TestApp app = tenant.app();

        String answer = postChunked("/id/connect/token", basic(app), "grant_type=client_credentials");

        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"access_token\""), answer);
    }
}
