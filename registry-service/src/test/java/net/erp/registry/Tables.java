package net.erp.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct reads and writes of the test schema, for what the API does not show: stored hashes, expiry. */
final class Tables {

    private Tables() {
    }

    /** Every value of every column of the app's secrets, as text. */
    static List<String> secretRowsOf(String instanceId, String clientId) {
        String sql = "select s.* from registry_test.client_secret s join registry_test.trusted_application a "
                + "on a.id = s.app_id where a.instance_id = ? and a.client_id = ?";
        var values = new ArrayList<String>();
        try (Connection db = connect(); var query = db.prepareStatement(sql)) {
            query.setString(1, instanceId);
            query.setString(2, clientId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        values.add(rows.getString(column));
                        if (rows.getObject(column) instanceof byte[] bytes) {
                            values.add(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    /** Moves a secret's expiry into the past, as time would. */
    static void expireSecret(String secretId) {
        try (Connection db = connect(); var update = db.prepareStatement(
                "update registry_test.client_secret set expires_at = now() - interval '1 second' where id = ?")) {
            update.setObject(1, java.util.UUID.fromString(secretId));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
