package dev.migrations.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTest {

	@Test
	void writesNestedDocumentsInMapOrder() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("heads", List.of("a1", "b2"));
		document.put("ok", true);
		document.put("count", 2);
		document.put("checksum", null);
		document.put("nested", Map.of("empty", List.of()));
		assertThat(Json.write(document))
			.isEqualTo("{\"heads\":[\"a1\",\"b2\"],\"ok\":true,\"count\":2,\"checksum\":null,\"nested\":{\"empty\":[]}}");
	}

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		assertThat(Json.write("say \"hi\"\\\n\tnow\u0001")).isEqualTo("\"say \\\"hi\\\"\\\\\\n\\tnow\\u0001\"");
	}

}
