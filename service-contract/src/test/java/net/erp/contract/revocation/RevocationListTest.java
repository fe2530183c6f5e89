package net.erp.contract.revocation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevocationListTest {

    private final Revocation token = new Revocation("acme", "j1", "s1", "u1", "app", 1_000);
    private final List<String> keys = RevocationKeys.of(token);

    @Test
    void tokenWhenNothingListedThenNotRevoked() {
        assertFalse(RevocationList.isRevoked(token, keys, Map.of()));
    }

    @Test
    void tokenWhenJtiListedThenRevoked() {
        assertTrue(RevocationList.isRevoked(token, keys, found(0, "1")));
    }

    @Test
    void tokenWhenSignInEndedThenRevoked() {
        assertTrue(RevocationList.isRevoked(token, keys, found(1, "1")));
    }

    @Test
    void tokenWhenIssuedAtSubjectCutOffThenRevoked() {
        assertTrue(RevocationList.isRevoked(token, keys, found(2, "1000")));
    }

    @Test
    void tokenWhenIssuedAfterSubjectCutOffThenNotRevoked() {
        assertFalse(RevocationList.isRevoked(token, keys, found(2, "999")));
    }

    @Test
    void tokenWhenIssuedBeforeClientCutOffThenRevoked() {
        assertTrue(RevocationList.isRevoked(token, keys, found(3, "1001")));
    }

    @Test
    void keysOfOneInstanceShareOneHashTag() {
        assertTrue(keys.stream().allMatch(key -> key.contains("{acme}")));
    }

    private Map<String, String> found(int index, String value) {
        var found = new HashMap<String, String>();
        found.put(keys.get(index), value);
        return found;
    }
}
