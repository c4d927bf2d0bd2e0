package org.noticeboard.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Words that hold a comment for moderation in every mode, matched as whole words in any case. */
@Schema(name = "Blocklist", examples = """
        { "words": ["casino", "crypto giveaway", "viagra"] }""")
public record Blocklist(
        @NotNull @Size(max = 1000)
        @Schema(description = "Stored trimmed and in lower case, each once, in alphabetical order")
        List<@NotBlank @Size(max = 100) String> words) {
}
