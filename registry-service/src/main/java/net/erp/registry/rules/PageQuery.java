package net.erp.registry.rules;

import jakarta.ws.rs.QueryParam;
import net.erp.contract.http.Page;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters {@code first} and {@code max} of every list of the admin API, read as text so that a
 * value that is no number gets a {@code 400} naming the parameter rather than the 404 of JAX-RS.
 */
public class PageQuery {

    @QueryParam("first")
    @Parameter(description = "how many entries of the sorted list to skip",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    String first;

    @QueryParam("max")
    @Parameter(description = "how many entries to answer at most",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + Page.MAX_MAX,
                    defaultValue = "" + Page.DEFAULT_MAX))
    String max;

    /** The page asked for, or a 400 naming the parameter that is out of range. */
    public Page page() {
        return Page.of(first, max);
    }
}
