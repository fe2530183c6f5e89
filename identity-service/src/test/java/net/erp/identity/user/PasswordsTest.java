package net.erp.identity.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    private final Passwords passwords = new Passwords(1_000);

    @Test
    void whenSamePasswordGivenThenItMatchesItsHash() {
        String hash = passwords.hash("correct horse battery").await().indefinitely();

        assertTrue(passwords.matches("correct horse battery", hash).await().indefinitely());
    }

    @Test
    void whenOtherPasswordGivenThenNoMatch() {
        String hash = passwords.hash("correct horse battery").await().indefinitely();

        assertFalse(passwords.matches("correct horse battery!", hash).await().indefinitely());
    }

    @Test
    void whenHashedTwiceThenSaltsDiffer() {
        assertNotEquals(passwords.hash("same password").await().indefinitely(),
                passwords.hash("same password").await().indefinitely());
    }
}
