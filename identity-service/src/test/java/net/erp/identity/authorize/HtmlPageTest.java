package net.erp.identity.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlPageTest {

    @Test
    void escapeWhenMarkupAndQuotesThenEntities() {
        String escaped = HtmlPage.escape("<a href=\"x\" onclick='y'>&</a>");

        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;", escaped);
    }

    @Test
    void hiddenWhenValueBreaksOutThenStaysInAttribute() {
        String input = HtmlPage.hidden("state", "\"><script>");

        assertEquals("<input type=\"hidden\" name=\"state\" value=\"&quot;&gt;&lt;script&gt;\">", input);
    }
}
